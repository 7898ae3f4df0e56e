using Chat.Server.Conversations;
using Chat.Server.Queue;
using Chat.Server.Staff;
using Chat.Server.Storage;
using Chat.Tests.Support;

namespace Chat.Tests.Contract;

// The service's own storage calls and Lua scripts, run once against redis-server and once
// against the embedded Garnet: both must behave the same.
public abstract class StorageBehaviour(Func<string> endpoint) : IAsyncLifetime
{
    private ChatApp _app = null!;
    private ConversationStore Store => _app.Get<ConversationStore>();
    private WaitingRoom Room => _app.Get<WaitingRoom>();
    private DutyRoster Duty => _app.Get<DutyRoster>();

    public Task InitializeAsync()
    {
        _app = new ChatApp(endpoint(), new Dictionary<string, string?> { ["Conversations:RetentionAfterEnd"] = "00:00:30" });
        _ = _app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EntriesGetConsecutiveSequenceNumbersAndARetryIsStoredOnce()
    {
        var id = await Active("ulla");
        var first = await Store.AppendText(id, "youth", "conn-1", null, "a", "ett");
        var retry = await Store.AppendText(id, "youth", "conn-1", null, "a", "ett igen");
        var second = await Store.AppendText(id, "counsellor", "ulla", "Ulla", "b", "två");

        Assert.Equal((2L, true), (first.Message.Seq, first.IsNew));
        Assert.Equal((2L, false), (retry.Message.Seq, retry.IsNew));
        Assert.Equal(3L, second.Message.Seq);
        var (_, messages) = await Store.Read(id, 1);
        Assert.Equal([(2L, "ett"), (3L, "två")], messages.Select(m => (m.Seq, m.Text!)));
    }

    [Fact]
    public async Task AWaitingChatIsTakenByExactlyOneOfManyCounsellors()
    {
        var counsellors = Enumerable.Range(0, 8).Select(i => $"c{i}").ToList();
        foreach (var c in counsellors) await Duty.GoOnDuty(c, 1);
        var started = await Store.Start("", "", "", "conn-1");

        var attempts = await Task.WhenAll(counsellors.Select(async c =>
        {
            try { await Room.Take(started.Id, c, c); return c; }
            catch (ChatError) { return null; }
        }));

        var winner = Assert.Single(attempts, a => a is not null);
        Assert.Equal((await Store.Find(started.Id))!.Counsellor, winner);
        Assert.Empty((await Room.Read()).Entries);
    }

    [Fact]
    public async Task ACounsellorNeverHoldsMoreChatsThanTheirCapacity()
    {
        await Duty.GoOnDuty("ulla", 3);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++) ids.Add((await Store.Start("", "", "", $"conn-{i}")).Id);

        var taken = await Task.WhenAll(ids.Select(async id =>
        {
            try { await Room.Take(id, "ulla", "Ulla"); return true; }
            catch (ChatError e) when (e.Code == "at-capacity") { return false; }
        }));

        Assert.Equal(3, taken.Count(t => t));
        Assert.Equal(new DutyStatus(true, 3, 3), await Duty.Status("ulla"));
        Assert.Equal(7, (await Room.Read()).Entries.Count);
    }

    [Fact]
    public async Task EndingSetsEveryKeyOfTheConversationToExpireWithinTheRetention()
    {
        var id = await Active("ulla");
        await Store.AppendText(id, "youth", "conn-1", null, "a", "hej");
        await Store.End(id, "counsellor", "ulla");

        var redis = _app.Get<RedisConnection>();
        var keys = new[] { redis.Keys.Conversation(id), redis.Keys.Transcript(id), redis.Keys.ClientMessageIds(id) };
        foreach (var key in keys)
        {
            var ttl = await redis.Database.KeyTimeToLiveAsync(key);
            Assert.True(ttl is { TotalSeconds: > 0 and <= 30 }, $"{key} expires in {ttl}");
        }
        Assert.Equal(new DutyStatus(true, 1, 0), await Duty.Status("ulla"));
    }

    [Fact]
    public async Task AChatThatExpiresWhileActiveNoLongerHoldsTheCounsellor()
    {
        var id = await Active("ulla");
        Assert.Equal(1, (await Duty.Status("ulla")).Active);

        // Fast-forward to Conversations:MaxLifetime: the conversation's keys expire as Redis would expire them.
        var redis = _app.Get<RedisConnection>();
        foreach (var key in new[] { redis.Keys.Conversation(id), redis.Keys.Transcript(id) })
            await redis.Database.KeyExpireAsync(key, TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);

        Assert.Equal(0, (await Duty.Status("ulla")).Active);
        var next = await Store.Start("", "", "", "conn-2");
        await Room.Take(next.Id, "ulla", "Ulla");
        await Store.End(next.Id, "counsellor", "ulla");
        Assert.False((await Duty.GoOffDuty("ulla")).OnDuty);
    }

    [Fact]
    public async Task AttachDetachRateAndWrapUpBehaveAlike()
    {
        var id = await Active("ulla");
        Assert.Equal("conn-1", await Store.Attach(id, "conn-1", takeOver: false));
        Assert.Equal("open-elsewhere", (await Assert.ThrowsAsync<ChatError>(() => Store.Attach(id, "conn-2", takeOver: false))).Code);
        await Store.Detach(id, "conn-2"); // not the holder: nothing changes
        Assert.Equal("conn-1", (await Store.Find(id))!.YouthConnection);
        await Store.Detach(id, "conn-1");
        Assert.Equal("", await Store.Attach(id, "conn-2", takeOver: false));

        var counters = _app.Get<Chat.Server.Stats.Counters>();
        Assert.Equal("not-ended", (await Assert.ThrowsAsync<ChatError>(() => counters.Rate(id, "conn-2", 4))).Code);
        Assert.Equal("chats-open", (await Assert.ThrowsAsync<ChatError>(() => Duty.GoOffDuty("ulla"))).Code);
        await Store.End(id, "youth", "conn-2");
        await counters.Rate(id, "conn-2", 4);
        Assert.Equal("already-rated", (await Assert.ThrowsAsync<ChatError>(() => counters.Rate(id, "conn-2", 4))).Code);
        await counters.WrapUp(id, "ulla", "", "", "support-given");
        Assert.Equal("already-wrapped-up", (await Assert.ThrowsAsync<ChatError>(() => counters.WrapUp(id, "ulla", "", "", "referred"))).Code);

        var today = await counters.Today(); // the service's day (Stockholm), not UTC's
        Assert.Equal((1L, 1L), (today["rating:4"], today["outcome:support-given"]));
        Assert.False((await Duty.GoOffDuty("ulla")).OnDuty);
    }

    [Fact]
    public async Task ADangerChatMovesAheadOfEveryNormalChatOnceAndKeepsArrivalOrder()
    {
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add((await Store.Start("", "", "", $"conn-{i}")).Id);

        Assert.True((await Room.RaiseDanger(ids[3], "conn-3")).IsNew);
        Assert.True((await Room.RaiseDanger(ids[1], "conn-1")).IsNew);
        Assert.False((await Room.RaiseDanger(ids[3], "conn-3")).IsNew);

        var entries = (await Room.Read()).Entries;
        Assert.Equal([ids[1], ids[3], ids[0], ids[2]], entries.Select(e => e.Chat.ConversationId));
        Assert.Equal([true, true, false, false], entries.Select(e => e.Chat.Danger));
        Assert.Equal([2L, 4L, 1L, 3L], entries.Select(e => e.Ticket));
        Assert.Equal(2, await Room.Position(ids[3]));
        Assert.True((await Store.Find(ids[3]))!.Danger);
    }

    [Fact]
    public async Task DangerInATakenChatIsRecordedWithoutPuttingItBackInTheQueue()
    {
        var id = await Active("ulla");
        var raised = await Room.RaiseDanger(id, "conn-1");
        Assert.Equal(("active", "ulla", true), (raised.State, raised.Counsellor, raised.IsNew));
        Assert.Empty((await Room.Read()).Entries);
        Assert.True((await Store.Find(id))!.Danger);
    }

    [Fact]
    public async Task EndingATakenChatMovesTheAverageHandlingTimeAFifthOfTheWay()
    {
        var redis = _app.Get<RedisConnection>();
        var id = await Active("ulla");
        await redis.Database.StringSetAsync(redis.Keys.HandlingTime, 10_000);
        await Store.End(id, "counsellor", "ulla");

        // 10 s + (a few ms − 10 s) / 5: just over 8 s.
        Assert.InRange((long)await redis.Database.StringGetAsync(redis.Keys.HandlingTime), 8_000, 8_500);
        Assert.True((await redis.Database.KeyTimeToLiveAsync(redis.Keys.HandlingTime)) is null);
    }

    [Fact]
    public async Task TheFirstEndedChatSetsTheAverageAndLeavingTheQueueDoesNotCount()
    {
        var redis = _app.Get<RedisConnection>();
        var left = await Store.Start("", "", "", "conn-9");
        await Store.End(left.Id, "youth", "conn-9");
        Assert.False(await redis.Database.KeyExistsAsync(redis.Keys.HandlingTime));

        await Store.End(await Active("ulla"), "counsellor", "ulla");
        Assert.InRange((long)await redis.Database.StringGetAsync(redis.Keys.HandlingTime), 0, 2_000);
        var outlook = await Room.Outlook();
        Assert.Equal((1, 1), (outlook.FreeCapacity, outlook.TotalCapacity));
        Assert.True(outlook.AverageHandling < TimeSpan.FromSeconds(2));
    }

    private async Task<string> Active(string counsellor)
    {
        await Duty.GoOnDuty(counsellor, 1);
        var started = await Store.Start("", "", "", "conn-1");
        await Room.Take(started.Id, counsellor, counsellor);
        return started.Id;
    }
}

public sealed class StorageBehaviourOnRedisServer() : StorageBehaviour(() => RedisServer.Shared.Endpoint);

public sealed class StorageBehaviourOnEmbeddedGarnet() : StorageBehaviour(() => EmbeddedGarnet.Shared.Endpoint);
