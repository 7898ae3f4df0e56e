using Chat.Server.Conversations;
using Chat.Server.Storage;

namespace Chat.Server.Dashboard;

// A coordinator silently in a chat to support the counsellor: one at a time, only while the chat is active. The
// counsellor (and a partner's guest) is told; the young person is not, as for any colleague reading along.
public sealed class Observers(RedisConnection redis)
{
    // Who to tell: the staff members in the chat.
    public sealed record Seat(IReadOnlyList<string> Staff);

    public async Task<Seat> Join(string id, string user, string name) => await Run(JoinScript, id, user, name);

    public async Task<Seat> Leave(string id, string user) => await Run(LeaveScript, id, user, "");

    private async Task<Seat> Run(string script, string id, string user, string name)
    {
        var result = (StackExchange.Redis.RedisResult[])(await redis.Database.ScriptEvaluateAsync(script,
            [redis.Keys.Conversation(id)], [user, name]))!;
        var status = (string)result[0]!;
        return status == "ok"
            ? new Seat([.. new[] { (string)result[1]!, (string)result[2]! }.Where(u => u.Length > 0)])
            : throw status switch
            {
                "observer-present" => new ChatError(status, "Another coordinator is already following this chat."),
                "not-observing" => new ChatError(status, "You are not following this chat."),
                _ => ConversationStore.Refusal(status),
            };
    }

    // KEYS: conversation. ARGV: user, display name. returns {'ok', counsellor, guest} | {refusal}
    private const string JoinScript = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'guest', 'observer')
        if not c[1] then return {'unknown-conversation'} end
        if c[1] ~= 'active' then return {'not-active'} end
        if (c[4] or '') ~= '' and c[4] ~= ARGV[1] then return {'observer-present'} end
        redis.call('HSET', KEYS[1], 'observer', ARGV[1], 'observerName', ARGV[2])
        return {'ok', c[2] or '', c[3] or ''}
        """;

    // KEYS: conversation. ARGV: user. returns {'ok', counsellor, guest} | {refusal}
    private const string LeaveScript = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'guest', 'observer')
        if not c[1] then return {'unknown-conversation'} end
        if c[4] ~= ARGV[1] then return {'not-observing'} end
        redis.call('HDEL', KEYS[1], 'observer', 'observerName')
        return {'ok', c[2] or '', c[3] or ''}
        """;
}
