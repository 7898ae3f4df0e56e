using Chat.Server.Stats;

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
    // KEYS: conversation, transcript, queue, duty, counsellor's chats, today's counters
    // ARGV: conversation id, counsellor user name, display name, joined entry JSON, key prefix, now ms, counter lifetime ms
    // returns {'ok', seq of the joined entry, youth connection} | {refusal}
    public static readonly string Take = $$"""
        local capacity = tonumber(redis.call('HGET', KEYS[4], ARGV[2]))
        if not capacity then return {'not-on-duty'} end
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return {'unknown-conversation'} end
        if state == 'active' then return {'already-taken'} end
        if state ~= 'waiting' then return {'no-longer-waiting'} end
        -- Waiting somewhere else (at a partner service's desk) is not waiting for a counsellor.
        if not redis.call('ZSCORE', KEYS[3], ARGV[1]) then return {'no-longer-waiting'} end
        {{CountActive("KEYS[5]", "ARGV[5]")}}
        if active >= capacity then return {'at-capacity'} end
        redis.call('ZREM', KEYS[3], ARGV[1])
        -- How long this wait in the queue lasted (from the start, or from a transfer), counted as the chat is taken.
        local waited = tonumber(ARGV[6]) - (tonumber(redis.call('HGET', KEYS[1], 'queuedAt')) or tonumber(ARGV[6]))
        {{WaitBuckets.Lua("waited")}}
        {{Counters.Increment("KEYS[6]", "'wait:' .. bucket", "ARGV[7]")}}
        redis.call('HDEL', KEYS[1], 'transferTo', 'transferSkill', 'counsellorFrom', 'counsellorService')
        redis.call('HSET', KEYS[1], 'state', 'active', 'counsellor', ARGV[2], 'counsellorName', ARGV[3], 'taken', ARGV[6])
        local ttl = redis.call('PTTL', KEYS[1])
        redis.call('SADD', KEYS[5], ARGV[1])
        -- Only ever lengthen: an older chat in the set may live longer than this one.
        if redis.call('PTTL', KEYS[5]) < ttl then redis.call('PEXPIRE', KEYS[5], ttl) end
        local seq = redis.call('RPUSH', KEYS[2], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ttl)
        return {'ok', seq, redis.call('HGET', KEYS[1], 'youthConn') or ''}
        """;

    // KEYS: queue, queue version. returns {version, {id, score, id, score, ...} in turn}
    public const string Snapshot = """
        local version = redis.call('INCR', KEYS[2])
        return {version, redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')}
        """;

    // Free and total places over everyone on duty, and the recent average handling time.
    // O(counsellors × their chats) inside Redis: WaitingRoom runs it at most once a second per node.
    // KEYS: duty, average handling time. ARGV: key prefix. returns {free, total, average ms or false}
    public static readonly string Places = $$"""
        local free, total = 0, 0
        local duty = redis.call('HGETALL', KEYS[1])
        for i = 1, #duty, 2 do
          local capacity = tonumber(duty[i + 1])
          {{CountActive("ARGV[1] .. 'chats:' .. duty[i]", "ARGV[1]")}}
          total = total + capacity
          free = free + math.max(0, capacity - active)
        end
        return {free, total, redis.call('GET', KEYS[2]) or false}
        """;

    // The young person says "I am in danger right now": recorded on the conversation and, while it
    // waits, its queue score moves to the danger priority, keeping its ticket (ZADD XX: never re-queues a taken chat).
    // KEYS: conversation, queue
    // ARGV: conversation id, youth connection, priority step
    // returns {'ok', state, counsellor or '', '1' if newly raised | '0' if it already was} | {refusal}
    public const string Danger = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'youthConn', 'counsellor', 'danger')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[2] then return {'session-moved'} end
        if c[1] == 'ended' then return {'already-ended'} end
        if c[4] == '1' then return {'ok', c[1], c[3] or '', '0'} end
        redis.call('HSET', KEYS[1], 'danger', '1')
        local score = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]))
        if c[1] == 'waiting' and score then
          local step = tonumber(ARGV[3])
          local ticket = score
          while ticket < 0 do ticket = ticket + step end
          redis.call('ZADD', KEYS[2], 'XX', ticket - 2 * step, ARGV[1])
        end
        return {'ok', c[1], c[3] or '', '1'}
        """;

    // A counsellor transfers an active chat back to the queue, meant for a colleague or a skill. It keeps its ticket
    // and goes in at transfer priority (danger stays danger); the counsellor's seat is cleared.
    // KEYS: conversation, transcript, queue, queue ticket counter, counsellor's chats
    // ARGV: conversation id, counsellor, colleague ('' = none), skill ('' = none), transferred entry JSON, now ms, priority step
    // returns {'ok', seq of the entry, youth connection} | {refusal}
    public const string Transfer = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'guest', 'handoverService', 'ticket', 'danger', 'youthConn')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[2] then return {'not-your-conversation'} end
        if c[1] ~= 'active' then return {'not-active'} end
        if (c[3] or '') ~= '' or (c[4] or '') ~= '' then return {'handover-pending'} end
        local ticket = tonumber(c[5]) or redis.call('INCR', KEYS[4])
        local priority = c[6] == '1' and 2 or 1
        redis.call('ZADD', KEYS[3], ticket - priority * tonumber(ARGV[7]), ARGV[1])
        redis.call('HDEL', KEYS[1], 'counsellor', 'counsellorName', 'counsellorService', 'counsellorFrom', 'counsellorSummary',
          'offer', 'offerId', 'offerService', 'offerMode', 'taken')
        redis.call('HSET', KEYS[1], 'state', 'waiting', 'queuedAt', ARGV[6], 'transferTo', ARGV[3], 'transferSkill', ARGV[4])
        redis.call('SREM', KEYS[5], ARGV[1])
        local seq = redis.call('RPUSH', KEYS[2], ARGV[5])
        return {'ok', seq, c[7] or ''}
        """;

    // A waiting young person's grace ran out: they leave the queue (or the partner service's desk they wait at),
    // unless they came back meanwhile.
    // KEYS: conversation, queue, queue:away, token, today's counters
    // ARGV: conversation id, now ms, retention ms, key prefix, counter lifetime ms
    // returns {1, desk service or ''} if they left, else {0}
    public static readonly string Abandon = $$"""
        redis.call('ZREM', KEYS[3], ARGV[1])
        local c = redis.call('HMGET', KEYS[1], 'state', 'youthConn', 'handoverService', 'queuedAt')
        if c[1] ~= 'waiting' or (c[2] or '') ~= '' then return {0} end
        -- Left the counsellors' queue before anyone took the chat: counted once, with how long it waited.
        if redis.call('ZREM', KEYS[2], ARGV[1]) == 1 then
          local waited = tonumber(ARGV[2]) - (tonumber(c[4]) or tonumber(ARGV[2]))
          {{WaitBuckets.Lua("waited")}}
          {{Counters.Increment("KEYS[5]", "'abandoned:' .. bucket", "ARGV[5]")}}
        end
        local desk = c[3] or ''
        if desk ~= '' then redis.call('ZREM', ARGV[4] .. 'desk:' .. desk .. ':queue', ARGV[1]) end
        redis.call('HSET', KEYS[1], 'state', 'ended', 'ended', ARGV[2], 'endedBy', 'system')
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[4], ARGV[3])
        return {1, desk}
        """;
}
