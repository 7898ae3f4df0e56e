namespace Chat.Server.Handover;

// Lua run atomically in Redis (and Garnet). Each states its KEYS, ARGV and reply.
// A code's hash: kind, verifier (SHA-256 of the code), issued (ms), used ('1' once redeemed), and content fields.
public static class CodeScripts
{
    // KEYS: code
    // ARGV: lifetime ms, then field, value pairs (kind, verifier, issued and the content)
    // returns 1, or 0 if the selector is taken (nothing changes)
    public const string Issue = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return 1
        """;

    // Counts an attempt in every window before anything is looked up; a right code gives it back (Refund).
    // Counting first keeps the limits exact when many guesses arrive at once.
    // KEYS: attempt counters (all callers this minute, then optionally this caller this window)
    // ARGV: for each key its limit and its window in ms
    // returns 1 if counted, 0 if a counter is at its limit (nothing counted)
    public const string Admit = """
        for i = 1, #KEYS do
          if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[2 * i - 1]) then return 0 end
        end
        for i = 1, #KEYS do
          if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
        end
        return 1
        """;

    // KEYS: the counters Admit counted the attempt in
    // returns 0
    public const string Refund = """
        for i = 1, #KEYS do
          if tonumber(redis.call('GET', KEYS[i]) or '0') > 1 then redis.call('DECR', KEYS[i]) else redis.call('DEL', KEYS[i]) end
        end
        return 0
        """;

    // Uses the code up and removes its content in the same step; the hash stays (kind, verifier, used) until it
    // expires, so a second use is told apart from a wrong code.
    // KEYS: code
    // ARGV: verifier, kind
    // returns {'ok', field, value, ...} with the content that was removed | {'used'} | {'unknown'}
    public const string Redeem = """
        local c = redis.call('HMGET', KEYS[1], 'verifier', 'kind')
        if c[1] ~= ARGV[1] or c[2] ~= ARGV[2] then return {'unknown'} end
        if redis.call('HSETNX', KEYS[1], 'used', '1') == 0 then return {'used'} end
        local all = redis.call('HGETALL', KEYS[1])
        local reply = {'ok'}
        for i = 1, #all, 2 do
          local field = all[i]
          if field ~= 'kind' and field ~= 'verifier' and field ~= 'used' then
            redis.call('HDEL', KEYS[1], field)
            if field ~= 'issued' then
              reply[#reply + 1] = field
              reply[#reply + 1] = all[i + 1]
            end
          end
        end
        return reply
        """;

    // KEYS: code
    // ARGV: verifier
    // returns 1 if deleted, 0 if the code is gone or is another code
    public const string Delete = """
        if redis.call('HGET', KEYS[1], 'verifier') ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        return 1
        """;

    // KEYS: code
    // ARGV: field, value
    // returns 1 if set, 0 if the code is gone or used
    public const string Annotate = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'used') == 1 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;
}
