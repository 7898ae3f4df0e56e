using Chat.Server.Conversations;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Queue;

public sealed record WaitingChat(string ConversationId, string? Topic, string? Language, string? AgeBand, long WaitingSince);

// The queue: who is waiting, in what order, and taking a waiting chat.
public sealed class WaitingRoom(RedisConnection redis, TimeProvider clock)
{
    private RedisKeys Keys => redis.Keys;

    public sealed record Entry(WaitingChat Chat, string YouthConnection);

    // Version: a number taken atomically with the read of the queue's order, higher for every
    // later read, so a client can drop a snapshot that arrives after a newer one.
    public sealed record Snapshot(long Version, IReadOnlyList<Entry> Entries);

    // Oldest first. Entries whose conversation expired are dropped from the queue on the way.
    public async Task<Snapshot> Read()
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Snapshot, [Keys.Queue, Keys.QueueVersion]))!;
        var version = (long)result[0];
        var ids = (RedisValue[])result[1]!;
        if (ids.Length == 0) return new Snapshot(version, []);
        var batch = redis.Database.CreateBatch();
        var fields = ids.Select(id => batch.HashGetAsync(Keys.Conversation(id!),
            ["state", "topic", "language", "ageBand", "created", "youthConn"])).ToList();
        batch.Execute();
        var entries = new List<Entry>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var f = await fields[i];
            if (f[0].IsNull)
            {
                await redis.Database.SortedSetRemoveAsync(Keys.Queue, ids[i]);
                continue;
            }
            var chat = new WaitingChat(ids[i]!, Blank(f[1]), Blank(f[2]), Blank(f[3]), (long)f[4]);
            entries.Add(new Entry(chat, (string?)f[5] ?? ""));
        }
        return new Snapshot(version, entries);
    }

    public async Task<int?> Position(string conversationId) =>
        await redis.Database.SortedSetRankAsync(Keys.Queue, conversationId) is { } rank ? (int)rank + 1 : null;

    public sealed record Taken(ChatMessage Joined, string YouthConnection);

    public async Task<Taken> Take(string conversationId, string counsellor, string displayName)
    {
        var joined = ChatMessage.Event("joined", "counsellor", displayName, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Take,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.Queue, Keys.Duty, Keys.CounsellorChats(counsellor)],
            [conversationId, counsellor, displayName, joined.ToStored(), Keys.Prefix]))!;
        return (string)result[0]! switch
        {
            "ok" => new Taken(joined with { Seq = (long)result[1] }, (string)result[2]!),
            "not-on-duty" => throw new ChatError("not-on-duty", "Go on duty before taking a chat."),
            "at-capacity" => throw new ChatError("at-capacity", "You already have as many chats as your capacity allows."),
            "already-taken" => throw new ChatError("already-taken", "Another counsellor has just taken that chat."),
            "no-longer-waiting" => throw new ChatError("no-longer-waiting", "The young person has left the queue."),
            _ => throw ConversationStore.UnknownConversation(),
        };
    }

    private static string? Blank(RedisValue value) => value.IsNullOrEmpty ? null : (string?)value;
}
