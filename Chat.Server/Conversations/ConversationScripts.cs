using Chat.Server.Stats;

namespace Chat.Server.Conversations;

// Lua run atomically in Redis (and Garnet). Each states its KEYS, ARGV and reply.
// Replies are status strings the store turns into refusals; no script trusts its caller.
public static class ConversationScripts
{
    // KEYS: conversation, token, queue (the counsellors' queue, or a partner service's desk), queue ticket counter, transcript,
    //       today's counters
    // ARGV: id, token hash, topic, language, age band, now ms, youth connection, lifetime ms,
    //       counsellor the chat is meant for ('' = anyone), first transcript entry JSON ('' = none),
    //       and for a chat that starts at a service's desk (else ''): service id, service name, summary;
    //       the language counter field, counter lifetime ms, the starting client's keyed hash ('' = none: Privacy/FloodGate)
    // returns the 1-based queue position, or 0 if the id or token already exists
    public static readonly string Start = $$"""
        if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        local ticket = redis.call('INCR', KEYS[4])
        redis.call('HSET', KEYS[1], 'state', 'waiting', 'topic', ARGV[3], 'language', ARGV[4], 'ageBand', ARGV[5],
          'created', ARGV[6], 'queuedAt', ARGV[6], 'youthConn', ARGV[7], 'token', ARGV[2], 'ticket', ticket)
        if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'transferTo', ARGV[9]) end
        if ARGV[16] ~= '' then redis.call('HSET', KEYS[1], 'client', ARGV[16]) end
        local score = ticket
        if ARGV[11] ~= '' then
          redis.call('HSET', KEYS[1], 'handoverService', ARGV[11], 'handoverServiceName', ARGV[12], 'handoverSummary', ARGV[13])
          score = ARGV[6]
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[8])
        if ARGV[10] ~= '' then
          redis.call('RPUSH', KEYS[5], ARGV[10])
          redis.call('PEXPIRE', KEYS[5], ARGV[8])
        end
        redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[8])
        redis.call('ZADD', KEYS[3], score, ARGV[1])
        {{Stats.Counters.Increment("KEYS[6]", "'started'", "ARGV[15]")}}
        {{Stats.Counters.Increment("KEYS[6]", "ARGV[14]", "ARGV[15]")}}
        return redis.call('ZRANK', KEYS[3], ARGV[1]) + 1
        """;

    // KEYS: conversation, queue:away
    // ARGV: connection id, '1' to take over from another connection, conversation id
    // returns {'ok', previous holder or ''} | {'unknown'} | {'elsewhere'}
    public const string Attach = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {'unknown'} end
        local current = redis.call('HGET', KEYS[1], 'youthConn') or ''
        if current ~= '' and current ~= ARGV[1] and ARGV[2] ~= '1' then return {'elsewhere'} end
        redis.call('HSET', KEYS[1], 'youthConn', ARGV[1])
        redis.call('ZREM', KEYS[2], ARGV[3])
        return {'ok', current}
        """;

    // Clears the holder only if it is still this connection; a waiting young person's grace starts now.
    // KEYS: conversation, queue:away
    // ARGV: connection id, conversation id, now ms
    public const string Detach = """
        local c = redis.call('HMGET', KEYS[1], 'youthConn', 'state')
        if c[1] ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'youthConn', '')
        if c[2] == 'waiting' then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2]) end
        return 1
        """;

    // KEYS: conversation, transcript, client message ids
    // ARGV: 'youth' | 'staff', youth connection | staff user name, client message id, entry JSON
    // A staff member may write while they hold the chat or sit in it as a partner's guest.
    // The client message id field is 'youth:<id>' or 'staff:<user>:<id>', so no two senders ever collide.
    // returns {'ok' | 'duplicate', seq, youth connection, counsellor, guest, observer} | {refusal}
    // A coordinator silently in the chat (observer) reads along but never writes.
    // A young person's message first takes its place in the flood limits (FloodScripts.MessageQuota: KEYS[4..5] and
    // ARGV[5..8], only then), answering {'slow-down'} over a limit.
    public static readonly string Send = $$"""
        {{Privacy.FloodScripts.MessageQuota}}
        local c = redis.call('HMGET', KEYS[1], 'state', 'youthConn', 'counsellor', 'guest', 'observer')
        if not c[1] then return {'unknown-conversation'} end
        if ARGV[1] == 'youth' and c[2] ~= ARGV[2] then return {'session-moved'} end
        if ARGV[1] == 'staff' and c[3] ~= ARGV[2] and c[4] ~= ARGV[2] then return {'not-your-conversation'} end
        local field = ARGV[1] == 'youth' and ('youth:' .. ARGV[3]) or ('staff:' .. ARGV[2] .. ':' .. ARGV[3])
        local seen = redis.call('HGET', KEYS[3], field)
        if seen then return {'duplicate', tonumber(seen), c[2] or '', c[3] or '', c[4] or '', c[5] or ''} end
        if c[1] ~= 'active' then return {'not-active'} end
        local seq = redis.call('RPUSH', KEYS[2], ARGV[4])
        redis.call('HSET', KEYS[3], field, seq)
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl > 0 then
          redis.call('PEXPIRE', KEYS[2], ttl)
          redis.call('PEXPIRE', KEYS[3], ttl)
        end
        return {'ok', seq, c[2] or '', c[3] or '', c[4] or '', c[5] or ''}
        """;

    // KEYS: conversation, transcript, client message ids, queue, token, average handling time, queue:away, today's counters
    // ARGV: id, 'youth' | 'counsellor' | 'system', actor, ended entry JSON, now ms, retention ms, averaging weight n, key prefix,
    //       '1' when the young person proved it with their token (quick exit's beacon: their connection may be closing),
    //       counter lifetime ms
    // Only the young person or the staff member who holds the chat ends it; a partner's guest leaves with it, and a
    // handover still waiting at a service's desk leaves that desk (its key and the guest's chats are named from the
    // prefix here, from the fields as they are now).
    // returns {'ok', seq (0 if nothing was appended), youth connection, counsellor, previous state, guest, desk service, observer} | {refusal}
    public static readonly string End = $$"""
        local c = redis.call('HMGET', KEYS[1], 'state', 'youthConn', 'counsellor', 'guest', 'handoverService', 'queuedAt', 'observer')
        if not c[1] then return {'unknown-conversation'} end
        if ARGV[2] == 'youth' and ARGV[9] ~= '1' and c[2] ~= ARGV[3] then return {'session-moved'} end
        if ARGV[2] == 'counsellor' and c[3] ~= ARGV[3] then return {'not-your-conversation'} end
        if c[1] == 'ended' then return {'already-ended'} end
        local seq = 0
        if c[1] == 'waiting' then
          -- The young person left the counsellors' queue before anyone took the chat: counted once, with how long it
          -- waited. Staff ending a waiting chat is not a young person giving up.
          if redis.call('ZREM', KEYS[4], ARGV[1]) == 1 and ARGV[2] == 'youth' then
            local waited = tonumber(ARGV[5]) - (tonumber(c[6]) or tonumber(ARGV[5]))
            {{WaitBuckets.Lua("waited")}}
            {{Counters.Increment("KEYS[8]", "'abandoned:' .. bucket", "ARGV[10]")}}
          end
          redis.call('ZREM', KEYS[7], ARGV[1])
        else
          seq = redis.call('RPUSH', KEYS[2], ARGV[4])
          -- The wait estimate's average moves 1/n of the way to this conversation's time from taken to ended.
          local taken = tonumber(redis.call('HGET', KEYS[1], 'taken'))
          if taken then
            local took = math.max(0, tonumber(ARGV[5]) - taken)
            local average = tonumber(redis.call('GET', KEYS[6])) or took
            redis.call('SET', KEYS[6], string.format('%d', math.floor(average + (took - average) / tonumber(ARGV[7]) + 0.5)))
          end
        end
        local desk = c[5] or ''
        local observer = c[7] or ''
        if desk ~= '' then redis.call('ZREM', ARGV[8] .. 'desk:' .. desk .. ':queue', ARGV[1]) end
        if (c[4] or '') ~= '' then redis.call('SREM', ARGV[8] .. 'chats:' .. c[4], ARGV[1]) end
        redis.call('HDEL', KEYS[1], 'offer', 'offerId', 'offerService', 'offerMode', 'handoverService', 'handoverServiceName',
          'handoverSummary', 'guest', 'guestName', 'guestService', 'guestFrom', 'guestSummary', 'guestShare')
        redis.call('HSET', KEYS[1], 'state', 'ended', 'ended', ARGV[5], 'endedBy', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        redis.call('PEXPIRE', KEYS[2], ARGV[6])
        redis.call('PEXPIRE', KEYS[3], ARGV[6])
        redis.call('PEXPIRE', KEYS[5], ARGV[6])
        return {'ok', seq, c[2] or '', c[3] or '', c[1], c[4] or '', desk, observer}
        """;

    // Sets fields on a conversation only while it exists, so a late write can never bring back an expired hash
    // without its expiry. ARGV[1]: a field that must not be set yet ('' = none), then field/value pairs.
    // KEYS: conversation. returns 1 set | 0 no such conversation | -1 the field was already set
    public const string SetFields = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        if ARGV[1] ~= '' and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return -1 end
        for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        return 1
        """;
}
