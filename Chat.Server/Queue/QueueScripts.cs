namespace Chat.Server.Queue;

public static class QueueScripts
{
    // Assigns one waiting conversation to one counsellor, atomically: never twice, never above capacity.
    // KEYS: conversation, transcript, queue, duty, load, counsellor's chats
    // ARGV: conversation id, counsellor user name, display name, joined entry JSON, now ms
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
        redis.call('HSET', KEYS[1], 'state', 'active', 'counsellor', ARGV[2], 'counsellorName', ARGV[3], 'taken', ARGV[5])
        local ttl = redis.call('PTTL', KEYS[1])
        redis.call('SADD', KEYS[6], ARGV[1])
        redis.call('PEXPIRE', KEYS[6], ttl)
        local seq = redis.call('RPUSH', KEYS[2], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ttl)
        return {'ok', seq, redis.call('HGET', KEYS[1], 'youthConn') or ''}
        """;

    // The young person says "I am in danger right now": recorded on the conversation and, while it
    // waits, its queue score moves one priority step ahead (ZADD XX: never re-queues a taken chat).
    // KEYS: conversation, queue
    // ARGV: conversation id, youth connection, score step (negative)
    // returns {'ok', state, counsellor or '', '1' if newly raised | '0' if it already was} | {refusal}
    public const string Danger = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'youthConn', 'counsellor', 'danger')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[2] then return {'session-moved'} end
        if c[1] == 'ended' then return {'already-ended'} end
        if c[4] == '1' then return {'ok', c[1], c[3] or '', '0'} end
        redis.call('HSET', KEYS[1], 'danger', '1')
        if c[1] == 'waiting' then redis.call('ZADD', KEYS[2], 'XX', 'INCR', ARGV[3], ARGV[1]) end
        return {'ok', c[1], c[3] or '', '1'}
        """;
}
