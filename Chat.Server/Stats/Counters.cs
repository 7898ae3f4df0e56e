using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Stats;

public sealed class StatsOptions
{
    // Daily counters are anonymous aggregates; they are kept this long.
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);
}

// Anonymous daily counters (hash stats:<day>: field -> count). Nothing here points at a person.
// The day is the service's own date (StatsDay); HINCRBY makes increments from any number of nodes add up exactly.
public sealed class Counters(RedisConnection redis, IOptions<StatsOptions> options, IOptions<DirectoryOptions> directory, TimeProvider clock)
{
    private RedisKeys Keys => redis.Keys;
    public DateOnly TodayDate => StatsDay.Of(clock.GetUtcNow(), directory.Value.Zone());

    // For scripts that count inside the change they make (Start, Take, End, Abandon): today's hash and its lifetime.
    public RedisKey TodayKey => Keys.Stats(TodayDate);
    public long RetentionMs => (long)options.Value.Retention.TotalMilliseconds;
    public int RetentionDays => (int)options.Value.Retention.TotalDays;

    // Lua that counts one event: field (an expression) in the day's hash, which then lives the retention from now.
    public static string Increment(string key, string field, string retentionMs) =>
        $"redis.call('HINCRBY', {key}, {field}, 1)\nredis.call('PEXPIRE', {key}, {retentionMs})";

    public async Task Rate(string conversationId, string youthConnection, int score)
    {
        if (score is < 1 or > 5) throw new ChatError("invalid-rating", "A rating is a whole number from 1 to 5.");
        var status = (string)(await redis.Database.ScriptEvaluateAsync(RateScript,
            [Keys.Conversation(conversationId), TodayKey], [youthConnection, $"rating:{score}", RetentionMs]))!;
        if (status == "already-rated") throw new ChatError(status, "This conversation has already been rated.");
        if (status != "ok") throw ConversationStore.Refusal(status);
    }

    public async Task WrapUp(string conversationId, string counsellor, string topic, string ageBand, string outcome)
    {
        var status = (string)(await redis.Database.ScriptEvaluateAsync(WrapUpScript,
            [Keys.Conversation(conversationId), Keys.CounsellorChats(counsellor), TodayKey],
            [conversationId, counsellor, $"topic:{Or(topic)}", $"age:{Or(ageBand)}", $"outcome:{outcome}", RetentionMs]))!;
        if (status == "already-wrapped-up") throw new ChatError(status, "This conversation is already wrapped up.");
        if (status != "ok") throw ConversationStore.Refusal(status);
    }

    // One anonymous event (a handover, a decline, a code pickup): a field of today's counters, never a person.
    public async Task Count(string field)
    {
        var batch = redis.Database.CreateBatch();
        var today = TodayKey;
        var increment = batch.HashIncrementAsync(today, field);
        var expire = batch.KeyExpireAsync(today, options.Value.Retention);
        batch.Execute();
        await Task.WhenAll(increment, expire);
    }

    // A handover event by service, topic and age band ("unknown" for a code not said): handover-live, pickup-opened, …
    public Task CountHandover(string what, string service, string topic, string ageBand) =>
        Count($"{what}:{service}:{Or(topic)}:{Or(ageBand)}");

    public async Task<IReadOnlyDictionary<string, long>> Day(DateOnly day) =>
        (await redis.Database.HashGetAllAsync(Keys.Stats(day))).ToDictionary(e => (string)e.Name!, e => (long)e.Value);

    // Cheap enough for a dashboard that refreshes: one HGETALL of today's hash.
    public Task<IReadOnlyDictionary<string, long>> Today() => Day(TodayDate);

    // Every day from `from` to `to`, oldest first, in one round trip; a day with no counts is an empty hash.
    public async Task<IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, long> Fields)>> Days(DateOnly from, DateOnly to)
    {
        var days = Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays).ToList();
        var batch = redis.Database.CreateBatch();
        var reads = days.Select(day => batch.HashGetAllAsync(Keys.Stats(day))).ToList();
        batch.Execute();
        var hashes = await Task.WhenAll(reads);
        return [.. days.Select((day, i) => (day, (IReadOnlyDictionary<string, long>)hashes[i].ToDictionary(e => (string)e.Name!, e => (long)e.Value)))];
    }

    private static string Or(string code) => code.Length == 0 ? "unknown" : code;

    // KEYS: conversation, day's counters. ARGV: youth connection, counter field, counter lifetime ms
    private const string RateScript = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'youthConn', 'rated')
        if not c[1] then return 'unknown-conversation' end
        if c[2] ~= ARGV[1] then return 'session-moved' end
        if c[1] ~= 'ended' then return 'not-ended' end
        if c[3] then return 'already-rated' end
        redis.call('HSET', KEYS[1], 'rated', '1')
        redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return 'ok'
        """;

    // KEYS: conversation, counsellor's chats, day's counters
    // ARGV: conversation id, counsellor, topic field, age field, outcome field, counter lifetime ms
    private const string WrapUpScript = """
        local c = redis.call('HMGET', KEYS[1], 'state', 'counsellor', 'wrapped')
        if not c[1] then return 'unknown-conversation' end
        if c[2] ~= ARGV[2] then return 'not-your-conversation' end
        if c[1] ~= 'ended' then return 'not-ended' end
        if c[3] then return 'already-wrapped-up' end
        redis.call('HSET', KEYS[1], 'wrapped', '1')
        redis.call('SREM', KEYS[2], ARGV[1])
        redis.call('HINCRBY', KEYS[3], 'conversations', 1)
        redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
        redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
        redis.call('HINCRBY', KEYS[3], ARGV[5], 1)
        redis.call('PEXPIRE', KEYS[3], ARGV[6])
        return 'ok'
        """;
}
