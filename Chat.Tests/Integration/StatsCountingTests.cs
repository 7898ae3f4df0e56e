using Chat.Server.Conversations;
using Chat.Server.Queue;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Chat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Chat.Tests.Integration;

// Each dimension counted by a real journey, once, on the Swedish day, whichever node and however many at once.
public sealed class StatsCountingTests
{
    // 10:00 in Stockholm on a Saturday in March (UTC+1).
    private static readonly DateTimeOffset Morning = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Saturday = new(2026, 3, 14);

    private static ChatApp Node(ManualClock clock, string? prefix = null, Dictionary<string, string?>? settings = null) =>
        new(RedisServer.Shared.Endpoint, settings, prefix) { Clock = clock };

    [Fact]
    public async Task AChatFromStartToRatingIsCountedOnceInEachOfItsDimensions()
    {
        var clock = new ManualClock(Morning);
        await using var app = Node(clock);
        await using var counsellor = await Counsellor.SignIn(app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        await using var youth = await Youth.Connect(app);
        (await youth.Start(topic: "exploitation", language: "en", ageBand: "16-17")).Value();
        var id = (await counsellor.QueueOf(1))[0].ConversationId;

        clock.Advance(TimeSpan.FromMinutes(7));
        (await counsellor.TakeNext()).Value();
        await youth.Next("joined");
        (await counsellor.End(id)).Value();
        (await counsellor.WrapUp(id, "sexual-abuse", "13-15", "support-given")).Value();
        (await youth.Rate(4)).Value();
        Assert.Equal("already-rated", (await youth.Rate(5)).Error!.Code);

        Assert.Equal(Expect(("started", 1), ("language:en", 1), ("wait:5-15m", 1), ("conversations", 1), ("topic:sexual-abuse", 1),
            ("age:13-15", 1), ("outcome:support-given", 1), ("rating:4", 1)), await Day(app, Saturday));
        Assert.Empty(await Day(app, Saturday.AddDays(-1)));
    }

    [Fact]
    public async Task LeavingTheQueueByTheButtonOrByQuickExitIsCountedOnceWithItsWait()
    {
        var clock = new ManualClock(Morning);
        await using var app = Node(clock);
        await using var leaving = await Youth.Connect(app);
        (await leaving.Start()).Value();
        await using var fleeing = await Youth.Connect(app);
        var token = (await fleeing.Start(language: "ar")).Value().Token;

        clock.Advance(TimeSpan.FromMinutes(3));
        (await leaving.End()).Value();
        Assert.Equal("already-ended", (await leaving.End()).Error!.Code);
        clock.Advance(TimeSpan.FromMinutes(40));
        using (var client = app.CreateClient())
        using (await client.PostAsync("/youth/leave", new StringContent(token)).WaitAsync(ChatApp.Timeout))
        using (await client.PostAsync("/youth/leave", new StringContent(token)).WaitAsync(ChatApp.Timeout)) { }

        Assert.Equal(Expect(("started", 2), ("language:unknown", 1), ("language:ar", 1), ("abandoned:1-5m", 1), ("abandoned:30-60m", 1)),
            await Day(app, Saturday));
    }

    [Fact]
    public async Task StaffEndingAWaitingChatIsNotCountedAsAYoungPersonGivingUp()
    {
        var clock = new ManualClock(Morning);
        await using var app = Node(clock);
        var started = await app.Get<ConversationStore>().Start("", "sv", "", "conn-1").WaitAsync(ChatApp.Timeout);
        clock.Advance(TimeSpan.FromMinutes(10));

        await app.Get<ConversationStore>().End(started.Id, "system", "").WaitAsync(ChatApp.Timeout);

        Assert.Empty((await app.Get<WaitingRoom>().Read()).Entries);
        Assert.Equal(Expect(("started", 1), ("language:sv", 1)), await Day(app, Saturday));
    }

    [Fact]
    public async Task AGraceThatRunsOutIsCountedOnceEvenWhenTwoNodesSweepAtTheSameMoment()
    {
        var clock = new ManualClock(Morning);
        // The sweeps are called by the test, not by the nodes' timers.
        var settings = new Dictionary<string, string?> { ["Queue:Grace"] = "00:01:00", ["Queue:SweepInterval"] = "01:00:00" };
        await using var a = Node(clock, settings: settings);
        await using var b = Node(clock, a.KeyPrefix, settings);
        var youth = await Youth.Connect(a);
        (await youth.Start(language: "sv")).Value();
        clock.Advance(TimeSpan.FromMinutes(20));
        await youth.DisposeAsync();
        await HubEvents.Eventually(async () => await a.Get<RedisConnection>().Database.SortedSetLengthAsync(a.Get<RedisConnection>().Keys.QueueAway) == 1, "one away in the queue");

        clock.Advance(TimeSpan.FromMinutes(2));
        var left = await Task.WhenAll(Janitor(a).Sweep(), Janitor(b).Sweep(), Janitor(a).Sweep()).WaitAsync(ChatApp.Timeout);
        Assert.Equal(1, left.Sum());

        Assert.Equal(Expect(("started", 1), ("language:sv", 1), ("abandoned:15-30m", 1)), await Day(b, Saturday));
    }

    [Fact]
    public async Task AChatThatExpiresWhileWaitingIsCountedOnceAsTheLongestWait()
    {
        var clock = new ManualClock(Morning);
        await using var a = Node(clock);
        await using var b = Node(clock, a.KeyPrefix);
        var started = await a.Get<ConversationStore>().Start("", "", "", "conn-1").WaitAsync(ChatApp.Timeout);
        var redis = a.Get<RedisConnection>();
        // Fast-forward to Conversations:MaxLifetime: the hash expires as Redis would expire it.
        await redis.Database.KeyDeleteAsync(redis.Keys.Conversation(started.Id));

        await Task.WhenAll(a.Get<WaitingRoom>().Read(), b.Get<WaitingRoom>().Read(), a.Get<WaitingRoom>().Read()).WaitAsync(ChatApp.Timeout);

        Assert.Empty((await a.Get<WaitingRoom>().Read()).Entries);
        Assert.Equal(Expect(("started", 1), ("language:unknown", 1), ("abandoned:60m+", 1)), await Day(a, Saturday));
    }

    [Fact]
    public async Task HundredsOfCountsFromTwoNodesAtOnceAddUpExactly()
    {
        var clock = new ManualClock(Morning);
        await using var a = Node(clock);
        await using var b = Node(clock, a.KeyPrefix);

        var counts = Enumerable.Range(0, 400).Select(i => (i % 2 == 0 ? a : b).Get<Counters>().Count(i % 4 < 2 ? "transfer:colleague" : "return-code-used"));
        var starts = Enumerable.Range(0, 60).Select(i =>
            (Task)(i % 2 == 0 ? a : b).Get<ConversationStore>().Start("", i % 3 == 0 ? "ar" : "sv", "", $"conn-{i}"));
        await Task.WhenAll(counts.Concat(starts)).WaitAsync(ChatApp.Timeout);

        Assert.Equal(Expect(("transfer:colleague", 200), ("return-code-used", 200), ("started", 60), ("language:ar", 20), ("language:sv", 40)),
            await Day(b, Saturday));
    }

    [Fact]
    public async Task CountsOutliveTheNodeThatMadeThemAndAreKeptForTheRetention()
    {
        var clock = new ManualClock(Morning);
        var first = Node(clock);
        await first.Get<ConversationStore>().Start("", "en", "", "conn-1").WaitAsync(ChatApp.Timeout);
        await first.Get<Counters>().Count("return-code-issued").WaitAsync(ChatApp.Timeout);
        var prefix = first.KeyPrefix;
        await first.DisposeAsync();

        await using var restarted = Node(clock, prefix);
        Assert.Equal(Expect(("started", 1), ("language:en", 1), ("return-code-issued", 1)), await Day(restarted, Saturday));
        var redis = restarted.Get<RedisConnection>();
        Assert.InRange((await redis.Database.KeyTimeToLiveAsync(redis.Keys.Stats(Saturday)))!.Value, TimeSpan.FromDays(399), TimeSpan.FromDays(400));
    }

    [Fact]
    public async Task AChatAtHalfPastMidnightInStockholmCountsOnThatSwedishDay()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 14, 22, 59, 0, TimeSpan.Zero)); // 23:59 in Stockholm
        await using var app = Node(clock);
        var store = app.Get<ConversationStore>();
        await store.Start("", "sv", "", "conn-1").WaitAsync(ChatApp.Timeout);
        clock.Advance(TimeSpan.FromMinutes(31)); // 00:30 on Sunday in Stockholm, still Saturday in UTC
        await store.Start("", "en", "", "conn-2").WaitAsync(ChatApp.Timeout);

        Assert.Equal(Expect(("started", 1), ("language:sv", 1)), await Day(app, Saturday));
        Assert.Equal(Expect(("started", 1), ("language:en", 1)), await Day(app, Saturday.AddDays(1)));
        Assert.Equal(Saturday.AddDays(1), app.Get<Counters>().TodayDate);
    }

    [Fact]
    public async Task TheScriptsBucketAWaitExactlyAsTheRuleDoes()
    {
        await using var app = ChatApp.OnSharedRedis();
        var database = app.Get<RedisConnection>().Database;
        var script = $"local waited = tonumber(ARGV[1])\n{WaitBuckets.Lua("waited")}\nreturn bucket";
        long[] edges = [0, 60_000, 300_000, 900_000, 1_800_000, 3_600_000];
        foreach (var ms in edges.SelectMany(e => new[] { e - 1, e, e + 1 }).Append(-5_000).Append(86_400_000))
            Assert.Equal(WaitBuckets.Of(TimeSpan.FromMilliseconds(ms)), (string?)await database.ScriptEvaluateAsync(script, [], [ms]));
    }

    private static QueueJanitor Janitor(ChatApp app) => app.Services.GetServices<IHostedService>().OfType<QueueJanitor>().Single();

    private static async Task<SortedDictionary<string, long>> Day(ChatApp app, DateOnly day) =>
        new(new Dictionary<string, long>(await app.Get<Counters>().Day(day).WaitAsync(ChatApp.Timeout)), StringComparer.Ordinal);

    private static SortedDictionary<string, long> Expect(params (string Field, long Count)[] fields) =>
        new(fields.ToDictionary(f => f.Field, f => f.Count), StringComparer.Ordinal);
}
