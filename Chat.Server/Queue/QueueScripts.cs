namespace Chat.Server.Queue;

public static class QueueScripts
{
    // Assigns one waiting conversation to one counsellor, atomically: never twice, never above capacity.
    // KEYS: conversation, transcript, queue, duty, load, counsellor's chats
    // ARGV: conversation id, counsellor user name, display name, joined entry JSON
    // returns {'ok', seq of the joined entry, youth connection} | {refusal}
    public const string Take = """
        local capacity = tonumber(redis.call('HGET', KEYS[4], ARGV[2]))
        if not capacity then return {'not-on-duty'} end
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return {'unknown-conversation'} end
        if state == 'active' then return {'already-taken'} end
        if state ~= 'waiting' then return {'no-longer-waiting'} end
        local active = tonumber(redis.call('HGET', KEYS[5], ARGV[2]) or '0')
        if active >= capacity then return {'at-capacity'} end
        redis.call('ZREM', KEYS[3], ARGV[1])
        redis.call('HINCRBY', KEYS[5], ARGV[2], 1)
        redis.call('HSET', KEYS[1], 'state', 'active', 'counsellor', ARGV[2], 'counsellorName', ARGV[3])
        local ttl = redis.call('PTTL', KEYS[1])
        redis.call('SADD', KEYS[6], ARGV[1])
        redis.call('PEXPIRE', KEYS[6], ttl)
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
