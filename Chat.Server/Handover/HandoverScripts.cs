using Chat.Server.Queue;

namespace Chat.Server.Handover;

// Lua for the warm handover, run atomically in Redis (and Garnet). Conversation hash fields used here:
// offer (the proposal the young person sees, JSON with an id), offerService, offerMode ('live' | 'code'),
// handoverService (the service whose desk the chat waits at, until its member joins and the counsellor leaves),
// handoverServiceName, handoverSummary, handoverSeq (the summary's entry), guestShare ('1': the young person let
// the service read what came before); guest / guestName / guestService (the service's name) / guestFrom /
// guestSummary: the partner's member in the chat, the first seq they may read and the summary entry they may read
// besides; counsellorService / counsellorFrom / counsellorSummary: the same, once the member holds the chat.
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
          redis.call('HSET', KEYS[1], 'handoverService', c[5], 'handoverSummary', ARGV[7], 'handoverServiceName', ARGV[9],
            'handoverSeq', seq, 'guestShare', ARGV[4])
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
        local seq = redis.call('RPUSH', KEYS[2], ARGV[6])
        if c[1] == 'waiting' then
          redis.call('HSET', KEYS[1], 'state', 'active', 'counsellor', ARGV[2], 'counsellorName', ARGV[3], 'counsellorService', ARGV[5],
            'counsellorFrom', '1', 'taken', ARGV[8])
          redis.call('HDEL', KEYS[1], 'handoverService', 'handoverServiceName', 'handoverSummary')
        else
          -- Without the young person's yes to sharing, the member reads the summary and what is written from now on:
          -- not what came before, nor what was written while the handover waited.
          local shared = redis.call('HGET', KEYS[1], 'guestShare') == '1'
          redis.call('HSET', KEYS[1], 'guest', ARGV[2], 'guestName', ARGV[3], 'guestService', ARGV[5],
            'guestFrom', shared and 1 or seq, 'guestSummary', shared and 0 or (redis.call('HGET', KEYS[1], 'handoverSeq') or 0))
        end
        local ttl = redis.call('PTTL', KEYS[1])
        redis.call('SADD', KEYS[5], ARGV[1])
        if redis.call('PTTL', KEYS[5]) < ttl then redis.call('PEXPIRE', KEYS[5], ttl) end
        redis.call('PEXPIRE', KEYS[2], ttl)
        return {'ok', seq, c[4] or '', c[5] or ''}
        """;

    // The counsellor leaves after introducing: the partner's member now holds the chat, still seeing only what the
    // young person let them see. Or the member, still a guest, leaves again: the handover is over and the counsellor
    // stays.
    // KEYS: conversation, transcript, the caller's chats. ARGV: conversation id, caller, left entry JSON, now ms
    // returns {'ok', seq of the left entry, youth connection, who holds the chat now, 'counsellor' | 'guest'} | {refusal}
    public const string Leave = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'guest', 'guestName', 'guestService', 'guestFrom', 'youthConn', 'guestSummary')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[2] and c[3] ~= ARGV[2] then return {'not-your-conversation'} end
        if c[1] ~= 'active' then return {'not-active'} end
        if (c[3] or '') == '' then return {'no-guest'} end
        local seq = redis.call('RPUSH', KEYS[2], ARGV[3])
        local holder = c[2]
        if c[2] == ARGV[2] then
          holder = c[3]
          redis.call('HSET', KEYS[1], 'counsellor', c[3], 'counsellorName', c[4], 'counsellorService', c[5],
            'counsellorFrom', c[6] or '1', 'counsellorSummary', c[8] or '0', 'taken', ARGV[4])
        end
        redis.call('HDEL', KEYS[1], 'guest', 'guestName', 'guestService', 'guestFrom', 'guestSummary', 'guestShare',
          'handoverService', 'handoverSummary', 'handoverServiceName', 'handoverSeq')
        redis.call('SREM', KEYS[3], ARGV[1])
        return {'ok', seq, c[7] or '', holder, c[2] == ARGV[2] and 'counsellor' or 'guest'}
        """;

    // The counsellor calls off a handover nobody from the service has joined yet: a proposal not answered, or a
    // yes still waiting at the desk (its key named from the prefix). The young person is told with an entry.
    // KEYS: conversation, transcript. ARGV: conversation id, counsellor, cancelled entry JSON, key prefix
    // returns {'ok', seq, youth connection, desk service or ''} | {refusal}
    public const string Cancel = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'guest', 'handoverService', 'offerId', 'youthConn')
        if not c[1] then return {'unknown-conversation'} end
        if c[2] ~= ARGV[2] then return {'not-your-conversation'} end
        if c[1] ~= 'active' then return {'not-active'} end
        if (c[3] or '') ~= '' then return {'already-taken'} end
        local desk = c[4] or ''
        if desk == '' and not c[5] then return {'no-handover'} end
        if desk ~= '' then redis.call('ZREM', ARGV[4] .. 'desk:' .. desk .. ':queue', ARGV[1]) end
        redis.call('HDEL', KEYS[1], 'offer', 'offerId', 'offerService', 'offerMode', 'handoverService', 'handoverSummary',
          'handoverServiceName', 'handoverSeq', 'guestShare')
        local seq = redis.call('RPUSH', KEYS[2], ARGV[3])
        return {'ok', seq, c[6] or '', desk}
        """;
}
