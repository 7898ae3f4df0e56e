using Chat.Server.Queue;

namespace Chat.Server.Handover;

// Lua for the warm handover, run atomically in Redis (and Garnet). Conversation hash fields used here:
// offer (the proposal the young person sees, JSON with an id), offerService, offerMode ('live' | 'code'),
// handoverService (the service whose desk the chat waits at, until its member joins and the counsellor leaves),
// handoverSummary, guest / guestName / guestService / guestFrom (the partner's member in the chat and the first
// seq they may read), counsellorService / counsellorFrom (the same, once the member holds the chat).
public static class HandoverScripts
{
    // KEYS: conversation. ARGV: counsellor, offer JSON, offer id, service id, mode
    // A new proposal replaces one the young person has not answered yet.
    // returns {'ok', youth connection} | {refusal}
    public const string Propose = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'guest', 'handoverService', 'youthConn')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[1] then return {'not-your-conversation'} end
        if c[1] ~= 'active' then return {'not-active'} end
        if (c[3] or '') ~= '' or (c[4] or '') ~= '' then return {'handover-pending'} end
        redis.call('HSET', KEYS[1], 'offer', ARGV[2], 'offerId', ARGV[3], 'offerService', ARGV[4], 'offerMode', ARGV[5])
        return {'ok', c[5] or ''}
        """;

    // The young person's answer to exactly the proposal they saw (its id).
    // KEYS: conversation, transcript, the offered service's queue
    // ARGV: youth connection, offer id, '1' accept | '0' decline, '1' share earlier messages | '0', handover entry JSON,
    //       queue score, summary, conversation id, service name
    // returns {'declined', counsellor} | {'accepted', seq of the handover entry, counsellor, mode} | {refusal}
    public const string Answer = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'youthConn', 'counsellor', 'offerId', 'offerService', 'offerMode')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[1] then return {'session-moved'} end
        if c[1] ~= 'active' then return {'not-active'} end
        if not c[4] then return {'no-offer'} end
        if c[4] ~= ARGV[2] then return {'offer-changed'} end
        redis.call('HDEL', KEYS[1], 'offer', 'offerId', 'offerService', 'offerMode')
        if ARGV[3] ~= '1' then return {'declined', c[3] or ''} end
        local seq = redis.call('RPUSH', KEYS[2], ARGV[5])
        if c[6] == 'live' then
          redis.call('HSET', KEYS[1], 'handoverService', c[5], 'handoverSummary', ARGV[7], 'handoverServiceName', ARGV[9], 'guestFrom', ARGV[4] == '1' and 1 or seq)
          redis.call('ZADD', KEYS[3], ARGV[6], ARGV[8])
        end
        return {'accepted', seq, c[3] or '', c[6]}
        """;

    // A member of the service joins the chat the handover waits in, as a guest beside the counsellor; or, for a
    // young person who came with a handover code and waits at the desk alone, takes the chat as its holder.
    // KEYS: conversation, transcript, service queue, service duty, member's chats
    // ARGV: conversation id, member, display name, service id, service name, joined entry JSON, key prefix, now ms
    // returns {'ok', seq of the joined entry, youth connection, counsellor ('' if none)} | {refusal}
    public static readonly string Take = $$"""
        local capacity = tonumber(redis.call('HGET', KEYS[4], ARGV[2]))
        if not capacity then return {'not-on-duty'} end
        local c = redis.call('HMGET', KEYS[1], 'state', 'handoverService', 'guest', 'youthConn', 'counsellor')
        if not c[1] then return {'unknown-conversation'} end
        if c[1] == 'ended' then return {'no-longer-waiting'} end
        if (c[2] or '') == '' then return {'no-handover'} end
        if c[2] ~= ARGV[4] then return {'not-your-service'} end
        if (c[3] or '') ~= '' then return {'already-taken'} end
        {{QueueScripts.CountActive("KEYS[5]", "ARGV[7]")}}
        if active >= capacity then return {'at-capacity'} end
        redis.call('ZREM', KEYS[3], ARGV[1])
        if c[1] == 'waiting' then
          redis.call('HSET', KEYS[1], 'state', 'active', 'counsellor', ARGV[2], 'counsellorName', ARGV[3], 'counsellorService', ARGV[5],
            'counsellorFrom', '1', 'taken', ARGV[8])
          redis.call('HDEL', KEYS[1], 'handoverService', 'handoverServiceName', 'handoverSummary')
        else
          redis.call('HSET', KEYS[1], 'guest', ARGV[2], 'guestName', ARGV[3], 'guestService', ARGV[5])
        end
        local ttl = redis.call('PTTL', KEYS[1])
        redis.call('SADD', KEYS[5], ARGV[1])
        if redis.call('PTTL', KEYS[5]) < ttl then redis.call('PEXPIRE', KEYS[5], ttl) end
        local seq = redis.call('RPUSH', KEYS[2], ARGV[6])
        redis.call('PEXPIRE', KEYS[2], ttl)
        return {'ok', seq, c[4] or '', c[5] or ''}
        """;

    // The counsellor leaves after introducing; the partner's member now holds the chat, still seeing only what
    // the young person let them see.
    // KEYS: conversation, transcript, counsellor's chats. ARGV: conversation id, counsellor, left entry JSON, now ms
    // returns {'ok', seq of the left entry, youth connection, new holder} | {refusal}
    public const string Leave = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'guest', 'guestName', 'guestService', 'guestFrom', 'youthConn')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[2] then return {'not-your-conversation'} end
        if c[1] ~= 'active' then return {'not-active'} end
        if (c[3] or '') == '' then return {'no-guest'} end
        local seq = redis.call('RPUSH', KEYS[2], ARGV[3])
        redis.call('HSET', KEYS[1], 'counsellor', c[3], 'counsellorName', c[4], 'counsellorService', c[5], 'counsellorFrom', c[6] or '1', 'taken', ARGV[4])
        redis.call('HDEL', KEYS[1], 'guest', 'guestName', 'guestService', 'guestFrom', 'handoverService', 'handoverSummary', 'handoverServiceName')
        redis.call('SREM', KEYS[3], ARGV[1])
        return {'ok', seq, c[7] or '', c[3]}
        """;
}
