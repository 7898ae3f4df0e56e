using Chat.Server.Conversations;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Queue;

public sealed record WaitingChat(string ConversationId, string? Topic, string? Language, string? AgeBand, long WaitingSince, bool Danger);

// The queue: who is waiting, in what order, and taking a waiting chat.
public sealed class WaitingRoom(RedisConnection redis, IOptions<QueueOptions> options, TimeProvider clock)
{
    private RedisKeys Keys => redis.Keys;

    public sealed record Entry(WaitingChat Chat, string YouthConnection, long Ticket)
    {
        public QueuedChat Queued => new(Chat.ConversationId, Chat.Danger ? Priority.Danger : Priority.Normal, Ticket, Chat.Language, Chat.Topic,
            DateTimeOffset.FromUnixTimeMilliseconds(Chat.WaitingSince));
    }

    // In turn: by priority, then oldest first (the sorted set's own order, see QueueScore).
    // Entries whose conversation expired are dropped from the queue on the way.
    public async Task<IReadOnlyList<Entry>> List()
    {
        var queued = await redis.Database.SortedSetRangeByRankWithScoresAsync(Keys.Queue);
        if (queued.Length == 0) return [];
        var ids = queued.Select(q => q.Element).ToArray();
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
            var score = queued[i].Score;
            var chat = new WaitingChat(ids[i]!, Blank(f[1]), Blank(f[2]), Blank(f[3]), (long)f[4], QueueScore.PriorityOf(score) == Priority.Danger);
            entries.Add(new Entry(chat, (string?)f[5] ?? "", QueueScore.TicketOf(score)));
        }
        return entries;
    }

    public async Task<int?> Position(string conversationId) =>
        await redis.Database.SortedSetRankAsync(Keys.Queue, conversationId) is { } rank ? (int)rank + 1 : null;

    public async Task<QueueOutlook> Outlook()
    {
        var batch = redis.Database.CreateBatch();
        var duty = batch.HashGetAllAsync(Keys.Duty);
        var load = batch.HashGetAllAsync(Keys.Load);
        var handling = batch.StringGetAsync(Keys.HandlingTime);
        batch.Execute();
        var active = (await load).ToDictionary(e => (string)e.Name!, e => (int)e.Value);
        var places = (await duty).Select(e => (Capacity: (int)e.Value, Active: active.GetValueOrDefault((string)e.Name!))).ToList();
        var average = (long?)await handling is { } ms ? TimeSpan.FromMilliseconds(ms) : options.Value.AssumedHandlingTime;
        return new QueueOutlook(places.Sum(p => Math.Max(0, p.Capacity - p.Active)), places.Sum(p => p.Capacity), average);
    }

    public sealed record Taken(ChatMessage Joined, string YouthConnection);

    public async Task<Taken> Take(string conversationId, string counsellor, string displayName)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var joined = ChatMessage.Event("joined", "counsellor", displayName, now);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Take,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.Queue, Keys.Duty, Keys.Load, Keys.CounsellorChats(counsellor)],
            [conversationId, counsellor, displayName, joined.ToStored(), now]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Taken(joined with { Seq = (long)result[1] }, (string)result[2]!) : throw Refusal(status);
    }

    public sealed record Raised(string State, string Counsellor, bool IsNew);

    public async Task<Raised> RaiseDanger(string conversationId, string youthConnection)
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Danger,
            [Keys.Conversation(conversationId), Keys.Queue], [conversationId, youthConnection, -QueueScore.PriorityStep]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Raised((string)result[1]!, (string)result[2]!, (string)result[3]! == "1") : throw Refusal(status);
    }

    public static ChatError Refusal(string code) => code switch
    {
        "not-on-duty" => new(code, "Go on duty before taking a chat."),
        "at-capacity" => new(code, "You already have as many chats as your capacity allows."),
        "already-taken" => new(code, "Another counsellor has just taken that chat."),
        "no-longer-waiting" => new(code, "The young person has left the queue."),
        "nothing-waiting" => new(code, "Nobody waiting right now is yours to take: they are offered to others first, or nobody waits."),
        _ => ConversationStore.Refusal(code),
    };

    private static string? Blank(RedisValue value) => value.IsNullOrEmpty ? null : (string?)value;
}
