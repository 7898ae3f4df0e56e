using System.Runtime.CompilerServices;
using Chat.Tests.Support;
using StackExchange.Redis;

namespace Chat.Tests.Contract;

// What the storage code relies on, checked with StackExchange.Redis 1.2.6 against both servers it may run on:
// redis-server (tests, ops, production) and Garnet (the embedded default).
public sealed class StoreTargetsTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Targets => new() { "redis-server", "garnet" };

    [Theory, MemberData(nameof(Targets))]
    public async Task StringsHashesListsAndSortedSetsWork(string target)
    {
        var (db, key) = Open(target);

        await db.StringSetAsync(key("counter"), 41);
        Assert.Equal(42, await db.StringIncrementAsync(key("counter")));

        await db.HashSetAsync(key("conversation"), [new("topic", "school"), new("language", "sv")]);
        Assert.Equal("school", await db.HashGetAsync(key("conversation"), "topic"));
        Assert.Equal(2, (await db.HashGetAllAsync(key("conversation"))).Length);

        await db.ListRightPushAsync(key("messages"), ["first", "second", "third"]);
        Assert.Equal(["first", "second", "third"], (await db.ListRangeAsync(key("messages"))).Select(v => (string?)v));
        Assert.Equal("first", await db.ListLeftPopAsync(key("messages")));

        await db.SortedSetAddAsync(key("queue"), [new("late", 30), new("early", 10), new("middle", 20)]);
        Assert.Equal(["early", "middle", "late"], (await db.SortedSetRangeByRankAsync(key("queue"))).Select(v => (string?)v));
        Assert.Equal(1, await db.SortedSetRankAsync(key("queue"), "middle"));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task LuaScriptChangesSeveralKeysAsOneStep(string target)
    {
        // KEYS: waiting list, assignments hash, active sorted set. ARGV: counsellor id, timestamp.
        // Returns the id taken from the queue, or nil when it is empty.
        const string takeNext = """
            local id = redis.call('LPOP', KEYS[1])
            if not id then return nil end
            redis.call('HSET', KEYS[2], id, ARGV[1])
            redis.call('ZADD', KEYS[3], tonumber(ARGV[2]), id)
            return id
            """;
        var (db, key) = Open(target);
        RedisKey[] keys = [key("waiting"), key("assigned"), key("active")];
        await db.ListRightPushAsync(keys[0], ["youth-1", "youth-2"]);

        var taken = await db.ScriptEvaluateAsync(takeNext, keys, ["counsellor-7", 1000]);

        Assert.Equal("youth-1", (string?)taken);
        Assert.Equal(["youth-2"], (await db.ListRangeAsync(keys[0])).Select(v => (string?)v));
        Assert.Equal("counsellor-7", await db.HashGetAsync(keys[1], "youth-1"));
        Assert.Equal(1000, await db.SortedSetScoreAsync(keys[2], "youth-1"));
        await db.ListLeftPopAsync(keys[0]);
        Assert.True((await db.ScriptEvaluateAsync(takeNext, keys, ["counsellor-7", 1001])).IsNull);
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task PublishedMessagesReachSubscribers(string target)
    {
        var (_, key) = Open(target);
        var connection = Connection(target);
        var channel = new RedisChannel((string)key("events")!, RedisChannel.PatternMode.Literal);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await connection.GetSubscriber().SubscribeAsync(channel, (_, message) => received.TrySetResult(message!));

        var receivers = await connection.GetSubscriber().PublishAsync(channel, "hello");

        Assert.Equal(1, receivers);
        Assert.Equal("hello", await received.Task.WaitAsync(Patience));
        await connection.GetSubscriber().UnsubscribeAsync(channel);
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task KeysExpire(string target)
    {
        var (db, key) = Open(target);
        await db.StringSetAsync(key("short"), "gone soon", TimeSpan.FromMilliseconds(300));
        await db.HashSetAsync(key("hash"), "field", "value");
        await db.KeyExpireAsync(key("hash"), TimeSpan.FromMilliseconds(300));
        await db.StringSetAsync(key("long"), "stays", TimeSpan.FromHours(1));

        Assert.InRange((await db.KeyTimeToLiveAsync(key("long")))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        await Task.Delay(600);

        Assert.False(await db.KeyExistsAsync(key("short")));
        Assert.False(await db.KeyExistsAsync(key("hash")));
        Assert.Equal("stays", await db.StringGetAsync(key("long")));
    }

    [Fact]
    public async Task RedisServerWithAppendOnlyKeepsAcknowledgedWritesAcrossACrash()
    {
        using var redis = RedisServer.Start(appendOnly: true);
        var db = redis.Connection.GetDatabase();
        await db.HashSetAsync("conversation", "topic", "school");
        await db.ListRightPushAsync("messages", "hello");

        redis.Restart();

        // A new multiplexer: the old one only notices the restart at its next heartbeat.
        var after = redis.Connect();
        db = after.GetDatabase();
        Assert.Equal("school", await db.HashGetAsync("conversation", "topic"));
        Assert.Equal("hello", await db.ListGetByIndexAsync("messages", 0));
        after.Close(allowCommandsToComplete: false);
        after.Dispose();
    }

    static ConnectionMultiplexer Connection(string target) =>
        target == "garnet" ? EmbeddedGarnet.Shared.Connection : RedisServer.Shared.Connection;

    // A prefix per test and target keeps parallel tests apart on the shared servers; the {hash tag} keeps
    // one test's keys in one cluster slot, as multi-key scripts need.
    static (IDatabase Db, Func<string, RedisKey> Key) Open(string target, [CallerMemberName] string test = "") =>
        (Connection(target).GetDatabase(), name => $"{{{nameof(StoreTargetsTests)}.{test}:{target}}}:{name}");
}
