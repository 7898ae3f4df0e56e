using System.Diagnostics;
using Chat.Server.Conversations;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Queue;

// ForCounsellor / Skill: a transfer or a return code meant for one colleague (user name) or a skill ("language:ar").
public sealed record WaitingChat(
    string ConversationId, string? Topic, string? Language, string? AgeBand, long WaitingSince, bool Danger,
    bool Transferred = false, string? ForCounsellor = null, string? Skill = null);

// The queue: who is waiting, in what order, and taking a waiting chat.
public sealed class WaitingRoom(RedisConnection redis, IOptions<QueueOptions> options, Counters counters, TimeProvider clock)
{
    private RedisKeys Keys => redis.Keys;

    public sealed record Entry(WaitingChat Chat, string YouthConnection, long Ticket)
    {
        public QueuedChat Queued => new(Chat.ConversationId, Chat.Danger ? Priority.Danger : Chat.Transferred ? Priority.Transfer : Priority.Normal,
            Ticket, Chat.Language, Chat.Topic, DateTimeOffset.FromUnixTimeMilliseconds(Chat.WaitingSince), Chat.ForCounsellor, Chat.Skill);
    }

    // Version: a number taken atomically with the read of the queue's order, higher for every
    // later read, so a client can drop a snapshot that arrives after a newer one.
    public sealed record Snapshot(long Version, IReadOnlyList<Entry> Entries);

    // In turn: by priority, then oldest first (the sorted set's own order, see QueueScore).
    // Entries whose conversation expired are dropped from the queue on the way.
    public async Task<Snapshot> Read()
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Snapshot, [Keys.Queue, Keys.QueueVersion]))!;
        var version = (long)result[0];
        var flat = (RedisValue[])result[1]!;
        var ids = Enumerable.Range(0, flat.Length / 2).Select(i => flat[2 * i]).ToArray();
        var scores = Enumerable.Range(0, flat.Length / 2).Select(i => (double)flat[2 * i + 1]).ToArray();
        if (ids.Length == 0) return new Snapshot(version, []);
        var batch = redis.Database.CreateBatch();
        var fields = ids.Select(id => batch.HashGetAsync(Keys.Conversation(id!),
            ["state", "topic", "language", "ageBand", "queuedAt", "youthConn", "transferTo", "transferSkill"])).ToList();
        batch.Execute();
        var entries = new List<Entry>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            var f = await fields[i];
            if (f[0].IsNull)
            {
                // It expired while waiting (Conversations:MaxLifetime): it left unseen, after the longest wait there is.
                // Only the node whose ZREM removed it counts it.
                if (await redis.Database.SortedSetRemoveAsync(Keys.Queue, ids[i])) await counters.Count($"abandoned:{WaitBuckets.Longest}");
                continue;
            }
            var score = scores[i];
            var priority = QueueScore.PriorityOf(score);
            // queuedAt: when this wait began (set at the start; a transfer starts a new one).
            var chat = new WaitingChat(ids[i]!, ConversationRecord.Blank(f[1]), ConversationRecord.Blank(f[2]), ConversationRecord.Blank(f[3]), (long)f[4], priority == Priority.Danger,
                priority == Priority.Transfer, ConversationRecord.Blank(f[6]), ConversationRecord.Blank(f[7]));
            entries.Add(new Entry(chat, (string?)f[5] ?? "", QueueScore.TicketOf(score)));
        }
        return new Snapshot(version, entries);
    }

    public async Task<int?> Position(string conversationId) =>
        await redis.Database.SortedSetRankAsync(Keys.Queue, conversationId) is { } rank ? (int)rank + 1 : null;

    // Who is on duty is read fresh every time: a counsellor who has just gone on duty must be in the next broadcast.
    // Free places come from the last walk of every counsellor's chats (QueueScripts.Places) if it is under a second
    // old: a queue broadcast, every start and resume, every open youth page's status poll and the dashboard ask for
    // them, and walking at each request made Redis's work grow with counsellors × chats × arrivals. They feed a wait
    // estimate and the dashboard, which a second's age does not change; taking a chat checks capacity exactly.
    public async Task<QueueOutlook> Outlook()
    {
        var onDuty = redis.Database.HashKeysAsync(Keys.Duty);
        var places = await RecentPlaces();
        return places with { OnDuty = (await onDuty).Select(v => (string)v!).ToList() };
    }

    private static readonly long PlacesFreshFor = Stopwatch.Frequency;
    private sealed record PlacesReading(Task<QueueOutlook> Reading, long ReadAt);
    private PlacesReading? _places; // replaced whole, never changed in place: readers on other threads see one or the other

    // Callers within the second share one reading, also while it is still on its way. A failed reading is not kept.
    // Two callers racing past a stale reading may both walk: harmless, and rarer than once a second.
    private Task<QueueOutlook> RecentPlaces()
    {
        var now = Stopwatch.GetTimestamp();
        if (Volatile.Read(ref _places) is { } last && now - last.ReadAt < PlacesFreshFor && !last.Reading.IsFaulted && !last.Reading.IsCanceled)
            return last.Reading;
        var reading = ReadPlaces();
        Volatile.Write(ref _places, new PlacesReading(reading, now));
        return reading;
    }

    private async Task<QueueOutlook> ReadPlaces()
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Places, [Keys.Duty, Keys.HandlingTime], [Keys.Prefix]))!;
        var average = (long?)result[2] is { } ms ? TimeSpan.FromMilliseconds(ms) : options.Value.AssumedHandlingTime;
        return new QueueOutlook((int)result[0], (int)result[1], average, []);
    }

    public sealed record Taken(ChatMessage Joined, string YouthConnection);

    public async Task<Taken> Take(string conversationId, string counsellor, string displayName)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var joined = ChatMessage.Event("joined", "counsellor", displayName, now).By(counsellor);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Take,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.Queue, Keys.Duty, Keys.CounsellorChats(counsellor),
                counters.TodayKey],
            [conversationId, counsellor, displayName, joined.ToStored(), Keys.Prefix, now, counters.RetentionMs]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Taken(joined with { Seq = (long)result[1] }, (string)result[2]!) : throw Refusal(status);
    }

    public sealed record Raised(string State, string Counsellor, bool IsNew);

    public async Task<Raised> RaiseDanger(string conversationId, string youthConnection)
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Danger,
            [Keys.Conversation(conversationId), Keys.Queue], [conversationId, youthConnection, QueueScore.PriorityStep]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Raised((string)result[1]!, (string)result[2]!, (string)result[3]! == "1") : throw Refusal(status);
    }

    public sealed record Transferred(ChatMessage Entry, string YouthConnection);

    // The counsellor hands the young person back to the queue for a named colleague or a skill, with a note the young
    // person sees too. They keep their ticket and move ahead of every new arrival.
    public async Task<Transferred> Transfer(string conversationId, string counsellor, string counsellorName, string toCounsellor, string skill, string note)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var entry = ChatMessage.Event("transferred", "counsellor", counsellorName, now, note.Length == 0 ? null : note).By(counsellor);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Transfer,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.Queue, Keys.QueueTicket, Keys.CounsellorChats(counsellor)],
            [conversationId, counsellor, toCounsellor, skill, entry.ToStored(), now, QueueScore.PriorityStep]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Transferred(entry with { Seq = (long)result[1] }, (string)result[2]!) : throw Refusal(status);
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
}
