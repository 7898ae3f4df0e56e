using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Storage;
using Chat.Tests.Support;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Contract;

// The pickup-code scripts (CodeScripts), run once against redis-server and once against the embedded Garnet.
public abstract class PickupCodeBehaviour(Func<string> endpoint) : IAsyncLifetime
{
    private ChatApp _app = null!;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero));
    private RedisConnection Redis => _app.Get<RedisConnection>();

    public Task InitializeAsync()
    {
        _app = new ChatApp(endpoint());
        _ = _app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task IssueRedeemAnnotateAndDeleteBehaveAlike()
    {
        var codes = Codes(new HandoverOptions());
        var issued = await Soon(codes.Issue("return", new Dictionary<string, string> { ["counsellor"] = "ulla" }));
        var key = Redis.Keys.Code(issued.Selector);
        Assert.InRange((await Soon(Redis.Database.KeyTimeToLiveAsync(key)))!.Value, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));

        Assert.True(await Soon(codes.Annotate(issued.Selector, "note", "Vi ses")));
        Assert.Equal("Vi ses", (await Soon(codes.Peek(issued.Code, "return", "conn-1")))!["note"]);
        var pickup = await Soon(codes.Redeem(issued.Code, "return", "conn-1"));
        Assert.Equal(["counsellor", "note"], pickup.Fields.Keys.Order());
        Assert.Equal(["kind", "used", "verifier"], (await Soon(Redis.Database.HashKeysAsync(key))).Select(f => (string)f!).Order());
        Assert.Equal("code-used", await Refused(codes.Redeem(issued.Code, "return", "conn-1")));
        Assert.False(await Soon(codes.Annotate(issued.Selector, "note", "för sent")));

        Assert.False(await Soon(codes.Delete(issued.Code[..^1] + (issued.Code[^1] == '2' ? '3' : '2'))));
        Assert.True(await Soon(codes.Delete(issued.Code, "conn-1")));
        Assert.False(await Soon(Redis.Database.KeyExistsAsync(key)));
    }

    [Fact]
    public async Task OnlyOneOfManySimultaneousRedeemsWins()
    {
        var codes = Codes(new HandoverOptions());
        var issued = await Soon(codes.Issue("handover", new Dictionary<string, string> { ["summary"] = "skolan" }));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try { return (await Soon(codes.Redeem(issued.Code, "handover", $"conn-{i}"))).Fields["summary"]; }
            catch (ChatError e) { return e.Code; }
        }));

        Assert.Equal(["code-used", "skolan"], outcomes.Distinct().Order());
        Assert.Single(outcomes, o => o == "skolan");
    }

    [Fact]
    public async Task AttemptCountersStopAtTheirLimitsAndARightCodeIsGivenBack()
    {
        var codes = Codes(new HandoverOptions { CodeFailuresPerMinute = 4, CodeFailuresPerCaller = 2 });
        var issued = await Soon(codes.Issue("handover", new Dictionary<string, string>()));
        var wrong = issued.Code[..^1] + (issued.Code[^1] == '2' ? '3' : '2');

        Assert.NotNull(await Soon(codes.Peek(issued.Code, "handover", "a")));
        Assert.False(await Soon(codes.Delete(wrong, "a")));
        Assert.Equal("unknown-code", await Refused(codes.Peek(wrong, "handover", "a")));
        Assert.Equal("too-many-attempts", await Refused(codes.Peek(issued.Code, "handover", "a")));
        Assert.Equal("unknown-code", await Refused(codes.Redeem(wrong, "handover", "b")));
        Assert.False(await Soon(codes.Delete(wrong)));
        Assert.Equal("too-many-attempts", await Refused(codes.Peek(issued.Code, "handover", "c")));

        var counters = new[] { Redis.Keys.CodeFailures(_clock.GetUtcNow().ToUnixTimeMilliseconds() / 60_000) };
        Assert.Equal(4, (long)await Soon(Redis.Database.StringGetAsync(counters[0])));
        Assert.InRange((await Soon(Redis.Database.KeyTimeToLiveAsync(counters[0])))!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await Soon(codes.Redeem(issued.Code, "handover", "b"));
        Assert.False(await Soon(Redis.Database.KeyExistsAsync(Redis.Keys.CodeFailures(_clock.GetUtcNow().ToUnixTimeMilliseconds() / 60_000))));
    }

    private PickupCodes Codes(HandoverOptions options) => new(Redis, Options.Create(options), _clock);

    private static Task<T> Soon<T>(Task<T> task) => task.WaitAsync(ChatApp.Timeout);

    private static async Task<string> Refused(Task task) =>
        (await Assert.ThrowsAsync<ChatError>(() => task.WaitAsync(ChatApp.Timeout))).Code;
}

public sealed class PickupCodeBehaviourOnRedisServer() : PickupCodeBehaviour(() => RedisServer.Shared.Endpoint);

public sealed class PickupCodeBehaviourOnEmbeddedGarnet() : PickupCodeBehaviour(() => EmbeddedGarnet.Shared.Endpoint);
