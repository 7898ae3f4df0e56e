namespace Chat.Server.Privacy;

// Lua run atomically in Redis (and Garnet); states its KEYS, ARGV and reply.
public static class FloodScripts
{
    // Fixed windows: each counter is one window's and expires when the window ends. A client's counter is read
    // together with the same window's counter under the previous key, so a limit holds across a key rotation.
    // An attempt over the limit is not counted, so a client that keeps trying is admitted again when the window ends.
    // A start also checks, in the same call, whether a counsellor's block holds on the client under either key.
    // KEYS: the client's counter, the same under the previous key (or the counter again), then optionally the
    // client's block keys. ARGV: ms until the window ends, the limit
    // returns 1 if counted, 0 if at the limit (nothing counted), -1 if blocked (nothing counted)
    public const string Count = """
        for i = 3, #KEYS do
          if redis.call('EXISTS', KEYS[i]) == 1 then return -1 end
        end
        local n = tonumber(redis.call('GET', KEYS[1]) or '0')
        if KEYS[2] ~= KEYS[1] then n = n + tonumber(redis.call('GET', KEYS[2]) or '0') end
        if n >= tonumber(ARGV[2]) then return 0 end
        if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return 1
        """;

    // A young person's message, first thing in ConversationScripts.Send (so counting and appending are one round
    // trip): counted in its conversation's hash (sentIn: the window, sent: how many in it), so the count goes with the
    // conversation, and in its client's counter as in Count. Over either limit the script answers {'slow-down'} and
    // nothing is counted or stored. Without ARGV[5] (a staff member's message) nothing is counted.
    // KEYS[4], KEYS[5] (optional): the client's counter and the same under the previous key (or the counter again)
    // ARGV[5..8]: window number, ms until the window ends, the conversation's limit, the client's limit
    public const string MessageQuota = """
        if ARGV[5] then
          local q = redis.call('HMGET', KEYS[1], 'sentIn', 'sent')
          local sent = 0
          if q[1] == ARGV[5] then sent = tonumber(q[2]) or 0 end
          if sent >= tonumber(ARGV[7]) then return {'slow-down'} end
          if #KEYS > 3 then
            local n = tonumber(redis.call('GET', KEYS[4]) or '0')
            if KEYS[5] ~= KEYS[4] then n = n + tonumber(redis.call('GET', KEYS[5]) or '0') end
            if n >= tonumber(ARGV[8]) then return {'slow-down'} end
            if redis.call('INCR', KEYS[4]) == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[6]) end
          end
          if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'sentIn', ARGV[5], 'sent', sent + 1) end
        end
        """;
}
