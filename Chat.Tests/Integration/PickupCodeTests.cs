using System.Security.Cryptography;
using System.Text;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Storage;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Tests.Integration;

// Pickup codes on the real redis-server. The clock is manual so the fixed rate-limit windows never roll over
// in the middle of a test; Redis expiry is real and is fast-forwarded where a test needs it.
public sealed class PickupCodeTests : IAsyncLifetime
{
    // On a 15-minute boundary: both windows start here.
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Handover = new() { ["service"] = "stodcentrum", ["summary"] = "Vill prata om skolan." };

    private readonly ChatApp _app = ChatApp.OnSharedRedis();
    private readonly ManualClock _clock = new(Start);
    private RedisConnection Redis => _app.Get<RedisConnection>();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnIssuedCodeGivesItsFieldsOnceAndThenSaysItWasUsed()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("handover", Handover));

        Assert.Matches("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", issued.Code);
        Assert.Equal(issued.Code[..4], issued.Selector);
        Assert.Equal(Start + TimeSpan.FromDays(14), issued.ExpiresAt);

        var pickup = await Soon(codes.Redeem(" " + issued.Code.ToLowerInvariant().Replace('-', ' '), "handover", "conn-1"));
        Assert.Equal(issued.Selector, pickup.Selector);
        Assert.Equal(Sorted(Handover), Sorted(pickup.Fields));
        Assert.Equal("code-used", await Refused(codes.Redeem(issued.Code, "handover", "conn-2")));
        Assert.Equal("code-used", await Refused(codes.Redeem(issued.Code, "handover", "conn-1")));
    }

    [Fact]
    public async Task ACodeLivesForTheConfiguredLifetimeAndIsUnknownOnceExpired()
    {
        var codes = Codes(new() { CodeLifetime = TimeSpan.FromHours(3) });
        var issued = await Soon(codes.Issue("handover", Handover));
        var key = Redis.Keys.Code(issued.Selector);
        Assert.InRange((await Soon(Redis.Database.KeyTimeToLiveAsync(key)))!.Value, TimeSpan.FromHours(3) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(3));

        // Fast-forward to Handover:CodeLifetime: the key expires as Redis would expire it.
        await Soon(Redis.Database.KeyExpireAsync(key, TimeSpan.FromMilliseconds(1)));
        await Task.Delay(50);

        Assert.Equal("unknown-code", await Refused(codes.Redeem(issued.Code, "handover", "conn-1")));
        Assert.Equal("unknown-code", await Refused(codes.Peek(issued.Code, "handover", "conn-1")));
        Assert.False(await Soon(codes.Delete(issued.Code, "conn-1")));
    }

    [Fact]
    public async Task AWrongSecretWithTheRightSelectorIsUnknownAndUsesNothingUp()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("handover", Handover));
        var wrong = OtherSecret(issued.Code);

        Assert.Equal("unknown-code", await Refused(codes.Redeem(wrong, "handover", "conn-1")));
        Assert.Equal("unknown-code", await Refused(codes.Peek(wrong, "handover", "conn-1")));
        Assert.False(await Soon(codes.Delete(wrong, "conn-1")));
        Assert.Equal(Sorted(Handover), Sorted((await Soon(codes.Redeem(issued.Code, "handover", "conn-1"))).Fields));
    }

    [Fact]
    public async Task ACodeOfTheOtherKindIsUnknownAndStillWorksForItsOwnKind()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("return", new Dictionary<string, string> { ["counsellor"] = "ulla" }));

        Assert.Equal("unknown-code", await Refused(codes.Redeem(issued.Code, "handover", "conn-1")));
        Assert.Equal("unknown-code", await Refused(codes.Peek(issued.Code, "handover", "conn-1")));
        Assert.Equal("ulla", (await Soon(codes.Redeem(issued.Code, "return", "conn-1"))).Fields["counsellor"]);
    }

    [Fact]
    public async Task AfterTooManyWrongCodesEvenTheRightOneIsRefusedUntilTheWindowEnds()
    {
        var codes = Codes(new() { CodeFailuresPerCaller = 3, CodeFailuresPerMinute = 5 });
        var issued = await Soon(codes.Issue("handover", Handover));
        var wrong = OtherSecret(issued.Code);

        for (var i = 0; i < 3; i++) Assert.Equal("unknown-code", await Refused(codes.Redeem(wrong, "handover", "guesser")));
        Assert.Equal("too-many-attempts", await Refused(codes.Redeem(issued.Code, "handover", "guesser")));
        Assert.Equal("too-many-attempts", await Refused(codes.Delete(issued.Code, "guesser")));

        // Another caller is refused too once all callers together reach the limit of the minute.
        Assert.NotNull(await Soon(codes.Peek(issued.Code, "handover", "helper")));
        for (var i = 0; i < 2; i++) Assert.Equal("unknown-code", await Refused(codes.Peek(wrong, "handover", "helper")));
        Assert.Equal("too-many-attempts", await Refused(codes.Peek(issued.Code, "handover", "helper")));
        Assert.Equal("too-many-attempts", await Refused(codes.Redeem(issued.Code, "handover", "someone-new")));
        Assert.Equal("too-many-attempts", await Refused(codes.Delete(issued.Code)));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("too-many-attempts", await Refused(codes.Peek(issued.Code, "handover", "guesser")));
        Assert.NotNull(await Soon(codes.Peek(issued.Code, "handover", "helper")));

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(Sorted(Handover), Sorted((await Soon(codes.Redeem(issued.Code, "handover", "guesser"))).Fields));
    }

    [Fact]
    public async Task TheRightCodeIsNotCountedAgainstTheLimit()
    {
        var codes = Codes(new() { CodeFailuresPerCaller = 2 });
        var issued = await Soon(codes.Issue("handover", Handover));

        for (var i = 0; i < 5; i++) Assert.NotNull(await Soon(codes.Peek(issued.Code, "handover", "conn-1")));
        Assert.Equal("unknown-code", await Refused(codes.Peek(OtherSecret(issued.Code), "handover", "conn-1")));
        await Soon(codes.Redeem(issued.Code, "handover", "conn-1"));
        Assert.Equal("code-used", await Refused(codes.Redeem(issued.Code, "handover", "conn-1")));
        Assert.Equal("unknown-code", await Refused(codes.Peek(OtherSecret(issued.Code), "handover", "conn-1")));
        Assert.Equal("too-many-attempts", await Refused(codes.Peek(issued.Code, "handover", "conn-1")));
    }

    [Fact]
    public async Task ManyGuessesAtOnceGetNoMoreLookupsThanTheLimit()
    {
        var codes = Codes(new() { CodeFailuresPerMinute = 10, CodeFailuresPerCaller = 100 });
        var issued = await Soon(codes.Issue("handover", Handover));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Refused(codes.Redeem(OtherSecret(issued.Code), "handover", $"conn-{i}"))));

        Assert.Equal(10, outcomes.Count(o => o == "unknown-code"));
        Assert.Equal(40, outcomes.Count(o => o == "too-many-attempts"));
    }

    [Fact]
    public async Task OnlyOneOfManySimultaneousRedeemsGetsTheContent()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("handover", Handover));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try { return (await Soon(codes.Redeem(issued.Code, "handover", $"conn-{i}"))).Fields["summary"]; }
            catch (ChatError e) { return e.Code; }
        }));

        Assert.Equal(1, outcomes.Count(o => o == Handover["summary"]));
        Assert.Equal(9, outcomes.Count(o => o == "code-used"));
    }

    [Fact]
    public async Task DeletingNeedsTheWholeCodeAndRemovesEverything()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("return", new Dictionary<string, string> { ["counsellor"] = "ulla", ["note"] = "Vi ses!" }));
        var key = Redis.Keys.Code(issued.Selector);

        Assert.False(await Soon(codes.Delete(OtherSecret(issued.Code), "conn-1")));
        Assert.True(await Soon(Redis.Database.KeyExistsAsync(key)));

        Assert.True(await Soon(codes.Delete(issued.Code.ToLowerInvariant(), "conn-1")));
        Assert.False(await Soon(Redis.Database.KeyExistsAsync(key)));
        Assert.False(await Soon(codes.Delete(issued.Code, "conn-1")));
        Assert.Equal("unknown-code", await Refused(codes.Redeem(issued.Code, "return", "conn-1")));

        var used = await Soon(codes.Issue("return", new Dictionary<string, string> { ["counsellor"] = "ulla" }));
        await Soon(codes.Redeem(used.Code, "return", "conn-1"));
        Assert.True(await Soon(codes.Delete(used.Code)));
        Assert.False(await Soon(Redis.Database.KeyExistsAsync(Redis.Keys.Code(used.Selector))));
    }

    [Fact]
    public async Task ANoteAddedLaterComesWithThePickupAndCannotBeAddedAfterIt()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("return", new Dictionary<string, string> { ["counsellor"] = "ulla" }));

        Assert.True(await Soon(codes.Annotate(issued.Selector, "note", "Första versionen")));
        Assert.True(await Soon(codes.Annotate(issued.Selector, "note", "Hör av dig när du vill.")));
        Assert.Equal("Hör av dig när du vill.", (await Soon(codes.Peek(issued.Code, "return", "conn-1")))!["note"]);

        var pickup = await Soon(codes.Redeem(issued.Code, "return", "conn-1"));
        Assert.Equal([("counsellor", "ulla"), ("note", "Hör av dig när du vill.")], Sorted(pickup.Fields));
        Assert.False(await Soon(codes.Annotate(issued.Selector, "note", "för sent")));
        Assert.False(await Soon(codes.Annotate(issued.Selector == "2222" ? "3333" : "2222", "note", "ingen kod")));
        await Assert.ThrowsAsync<ArgumentException>(() => codes.Annotate(issued.Selector, "used", "").WaitAsync(ChatApp.Timeout));
    }

    [Fact]
    public async Task RedeemingRemovesTheContentFromRedisAndKeepsOnlyThatItWasUsed()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("handover", Handover));
        var key = Redis.Keys.Code(issued.Selector);
        Assert.Equal(["issued", "kind", "service", "summary", "verifier"], await Fields(key));

        await Soon(codes.Redeem(issued.Code, "handover", "conn-1"));

        Assert.Equal(["kind", "used", "verifier"], await Fields(key));
        Assert.Equal(CodeRules.Verifier(CodeRules.Normalize(issued.Code)!), (string?)await Soon(Redis.Database.HashGetAsync(key, "verifier")));
        Assert.True((await Soon(Redis.Database.KeyTimeToLiveAsync(key))) > TimeSpan.FromDays(13));
        Assert.Null(await Soon(codes.Peek(issued.Code, "handover", "conn-1")));
        Assert.DoesNotContain(Keys(), k => k.Contains(issued.Code.Replace("-", "")[4..]));
    }

    [Fact]
    public async Task NoCallerNorSecretAppearsInAnyKeyOnlyTheCallersHash()
    {
        var codes = Codes();
        var issued = await Soon(codes.Issue("handover", Handover));
        string[] callers = ["conn-Raw7Xq", "ulla.staff"];
        foreach (var caller in callers)
        {
            Assert.Equal("unknown-code", await Refused(codes.Redeem(OtherSecret(issued.Code), "handover", caller)));
            await Soon(codes.Peek(issued.Code, "handover", caller));
        }

        var keys = Keys();
        Assert.Contains($"code:{issued.Selector}", keys);
        foreach (var caller in callers)
        {
            Assert.DoesNotContain(keys, k => k.Contains(caller, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(keys, k => k.StartsWith($"code-failures:{Sha256(caller)}:"));
        }
        Assert.DoesNotContain(keys, k => k.Contains(issued.Code.Replace("-", "")[4..]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("ABCD-2345-EFG0")]
    public async Task WhatCannotBeACodeIsRefusedWithoutCountingOrLookingAnythingUp(string? typed)
    {
        var codes = Codes(new() { CodeFailuresPerMinute = 1, CodeFailuresPerCaller = 1 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("invalid-code", await Refused(codes.Redeem(typed, "handover", "conn-1")));
            Assert.Equal("invalid-code", await Refused(codes.Peek(typed, "return", "conn-1")));
            Assert.Equal("invalid-code", await Refused(codes.Delete(typed, "conn-1")));
        }
        Assert.DoesNotContain(Keys(), k => k.StartsWith("code"));
    }

    [Fact]
    public async Task TheRegisteredCodesFollowTheHandoverSection()
    {
        await using var app = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Handover:CodeLifetime"] = "2.00:00:00" });
        var withCodes = app.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddPickupCodes().AddPickupCodes()));
        var codes = withCodes.Services.GetRequiredService<PickupCodes>();
        var redis = withCodes.Services.GetRequiredService<RedisConnection>();

        var issued = await Soon(codes.Issue("return", new Dictionary<string, string>()));

        Assert.InRange((await Soon(redis.Database.KeyTimeToLiveAsync(redis.Keys.Code(issued.Selector))))!.Value, TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(2));
        Assert.Same(codes, withCodes.Services.GetRequiredService<PickupCodes>());
    }

    [Theory]
    [InlineData("Handover:CodeLifetime", "00:59:00")]
    [InlineData("Handover:CodeLifetime", "91.00:00:00")]
    [InlineData("Handover:CodeFailuresPerMinute", "0")]
    [InlineData("Handover:CodeFailuresPerCaller", "0")]
    public async Task SettingsOutsideTheirLimitsStopTheStart(string setting, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value });
        builder.Services.AddPickupCodes();
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(ChatApp.Timeout));
        Assert.Contains(setting, refused.Message);
    }

    [Fact]
    public async Task ServerCodeMistakesAreNotRefusalsForTheUser()
    {
        var codes = Codes();
        await Assert.ThrowsAsync<ArgumentException>(() => codes.Issue("transfer", Handover).WaitAsync(ChatApp.Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => codes.Issue("handover", new Dictionary<string, string> { ["verifier"] = "x" }).WaitAsync(ChatApp.Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => codes.Redeem("ABCD-2345-EFGH", "transfer", "conn-1").WaitAsync(ChatApp.Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => codes.Peek("ABCD-2345-EFGH", "return", "").WaitAsync(ChatApp.Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => codes.Annotate("abcd", "note", "x").WaitAsync(ChatApp.Timeout));
    }

    private PickupCodes Codes(HandoverOptions? options = null) => new(Redis, Options.Create(options ?? new HandoverOptions()), _clock);

    // The same selector with another secret.
    private static string OtherSecret(string code)
    {
        var last = code[^1];
        return code[..^1] + (last == '2' ? '3' : '2');
    }

    private async Task<List<string>> Fields(RedisKey key) =>
        (await Soon(Redis.Database.HashKeysAsync(key))).Select(f => (string)f!).Order().ToList();

    // Every key this test's app wrote, without its prefix.
    private List<string> Keys() => RedisHolds.Keys(_app);

    private static List<(string, string)> Sorted(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Task<T> Soon<T>(Task<T> task) => task.WaitAsync(ChatApp.Timeout);

    private static async Task<string> Refused(Task task) =>
        (await Assert.ThrowsAsync<ChatError>(() => task.WaitAsync(ChatApp.Timeout))).Code;
}
