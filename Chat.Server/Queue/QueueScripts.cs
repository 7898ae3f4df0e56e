namespace Chat.Server.Queue;

public static class QueueScripts
{
    // Lua that sets `active` to how many of a counsellor's chats (set KEYS[chats]) are active now.
    // Counted, not stored: a conversation that expires can never leave a stale count behind.
    // Needs the key prefix to name each conversation's hash.
    public static string CountActive(string chatsKey, string prefixArg) => $$"""
        local active = 0
        for _, id in ipairs(redis.call('SMEMBERS', {{chatsKey}})) do
          if redis.call('HGET', {{prefixArg}} .. 'conv:{' .. id .. '}', 'state') == 'active' then active = active + 1 end
        end
        """;

    // Assigns one waiting conversation to one counsellor, atomically: never twice, never above capacity.
    // KEYS: conversation, transcript, queue, duty, counsellor's chats
    // ARGV: conversation id, counsellor user name, display name, joined entry JSON, key prefix
    // returns {'ok', seq of the joined entry, youth connection} | {refusal}
    public static readonly string Take = $$"""
        local capacity = tonumber(redis.call('HGET', KEYS[4], ARGV[2]))
        if not capacity then return {'not-on-duty'} end
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return {'unknown-conversation'} end
        if state == 'active' then return {'already-taken'} end
        if state ~= 'waiting' then return {'no-longer-waiting'} end
        {{CountActive("KEYS[5]", "ARGV[5]")}}
        if active >= capacity then return {'at-capacity'} end
        redis.call('ZREM', KEYS[3], ARGV[1])
        redis.call('HSET', KEYS[1], 'state', 'active', 'counsellor', ARGV[2], 'counsellorName', ARGV[3])
        local ttl = redis.call('PTTL', KEYS[1])
        redis.call('SADD', KEYS[5], ARGV[1])
        -- Only ever lengthen: an older chat in the set may live longer than this one.
        if redis.call('PTTL', KEYS[5]) < ttl then redis.call('PEXPIRE', KEYS[5], ttl) end
        local seq = redis.call('RPUSH', KEYS[2], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ttl)
        return {'ok', seq, redis.call('HGET', KEYS[1], 'youthConn') or ''}
        """;

    // KEYS: queue, queue version. returns {version, ids oldest first}
    public const string Snapshot = """
        local version = redis.call('INCR', KEYS[2])
        return {version, redis.call('ZRANGE', KEYS[1], 0, -1)}
        """;
}
