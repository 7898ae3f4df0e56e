using System.Text.RegularExpressions;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Storage;
using Chat.Tests.Support;
using StackExchange.Redis;

namespace Chat.Tests.Integration;

public sealed partial class PrivacyTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(30);
    private readonly ChatApp _app = ChatApp.OnSharedRedis(new Dictionary<string, string?>
    {
        ["Conversations:RetentionAfterEnd"] = Retention.ToString(),
    });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LogsFromAWholeConversationCarryNoTextTokenOrId()
    {
        var (token, id) = await WholeConversation("Hemligt 4711: jag bor på Storgatan 1");

        var logs = string.Join("\n", _app.Logs.Lines);
        Assert.NotEmpty(_app.Logs.Lines);
        Assert.Contains("A young person joined the queue", logs); // the capture works
        Assert.DoesNotContain("4711", logs);
        Assert.DoesNotContain("Storgatan", logs);
        Assert.DoesNotContain(token, logs);
        Assert.DoesNotContain(TextRules.HashToken(token), logs);
        Assert.DoesNotContain(id, logs);
    }

    [Fact]
    public async Task EveryKeyAConversationLeavesIsInTheInventoryAndExpires()
    {
        await WholeConversation("hej");
        await using (var leaver = await Youth.Connect(_app))
        {
            (await leaver.Start("own-behaviour", "ar", "21-plus")).Value();
            (await leaver.End()).Value();
        }

        var inventory = Inventory();
        var redis = _app.Get<RedisConnection>();
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        var keys = server.Keys(pattern: _app.KeyPrefix + "*", pageSize: 1000).Select(k => ((string)k!)[_app.KeyPrefix.Length..]).ToList();
        Assert.Contains(keys, k => k.StartsWith("conv:{"));

        foreach (var key in keys)
        {
            Assert.True(inventory.Any(pattern => pattern.IsMatch(key)), $"'{key}' is not described in docs/privacy.md");
            if (key.StartsWith("conv:") || key.StartsWith("token:"))
            {
                var ttl = await redis.Database.KeyTimeToLiveAsync(_app.KeyPrefix + key);
                Assert.True(ttl is { } t && t > TimeSpan.Zero && t <= Retention, $"'{key}' expires in {ttl}, not within the retention");
            }
        }
    }

    [Fact]
    public async Task AfterTheRetentionNothingOfAConversationIsLeftButAnonymousCounters()
    {
        await using var app = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Conversations:RetentionAfterEnd"] = "00:00:01" });
        var (youth, counsellor, id) = await Youth.Matched(app);
        await using (youth)
        await using (counsellor)
        {
            (await youth.Send("hej")).Value();
            (await counsellor.End(id)).Value();
            (await youth.Rate(5)).Value();
            (await counsellor.WrapUp(id, "sexual-abuse", null, "support-given")).Value();
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var redis = app.Get<RedisConnection>();
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        var left = server.Keys(pattern: app.KeyPrefix + "*", pageSize: 1000).Select(k => ((string)k!)[app.KeyPrefix.Length..]).ToList();
        Assert.DoesNotContain(left, k => k.StartsWith("conv:") || k.StartsWith("token:") || k.Contains(id));
        foreach (var key in left.Where(k => k.StartsWith("chats:") || k.StartsWith("queue")))
            Assert.DoesNotContain(id, await Members(redis, app.KeyPrefix + key));
        // What remains is about staff or counts nobody: accounts, sign-in sessions, the audit log, duty, counters, queue numbers,
        // signing keys, the directory, help pages.
        Assert.All(left, k => Assert.Matches("^(staff(:.+)?|sessions?:.+|audit:.+|duty(:since)?|queue(:ticket|:version|:away|:handling)?|stats:.+|dataprotection:keys|chats:.+|services|pages|page:.+)$", k));
    }

    [Fact]
    public async Task EveryKeyAPickupCodeLeavesIsInTheInventoryAndExpires()
    {
        var redis = _app.Get<RedisConnection>();
        var codes = new PickupCodes(redis, Microsoft.Extensions.Options.Options.Create(new HandoverOptions()), TimeProvider.System);
        var used = await codes.Issue("handover", new Dictionary<string, string> { ["summary"] = "hej" }).WaitAsync(ChatApp.Timeout);
        var waiting = await codes.Issue("return", new Dictionary<string, string> { ["counsellor"] = "ulla" }).WaitAsync(ChatApp.Timeout);
        await codes.Annotate(waiting.Selector, "note", "vi ses").WaitAsync(ChatApp.Timeout);
        await codes.Redeem(used.Code, "handover", "conn-1").WaitAsync(ChatApp.Timeout);
        await Assert.ThrowsAsync<ChatError>(() => codes.Redeem(used.Code[..^1] + (used.Code[^1] == '2' ? '3' : '2'), "handover", "conn-1").WaitAsync(ChatApp.Timeout));

        var inventory = Inventory();
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        var keys = server.Keys(pattern: _app.KeyPrefix + "code*", pageSize: 1000).Select(k => ((string)k!)[_app.KeyPrefix.Length..]).ToList();
        Assert.Equal(4, keys.Count); // two codes, the failure counters of the minute and of conn-1
        foreach (var key in keys)
        {
            Assert.True(inventory.Any(pattern => pattern.IsMatch(key)), $"'{key}' is not described in docs/privacy.md");
            var ttl = await redis.Database.KeyTimeToLiveAsync(_app.KeyPrefix + key).WaitAsync(ChatApp.Timeout);
            Assert.True(ttl is { } t && t > TimeSpan.Zero && t <= TimeSpan.FromDays(14), $"'{key}' expires in {ttl}");
        }
    }

    [Fact]
    public async Task AHandoverLeavesOnlyDocumentedKeysAndNeitherSummaryNorCodeInTheLogs()
    {
        const string summary = "Hemlig sammanfattning 5150 om Storgatan";
        await Handovers.Live(_app, "stodcentrum");
        var (youth, counsellor, id) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var member = await Counsellor.SignInMember(_app, "sara", "stodcentrum");
        (await member.GoOnDuty(1)).Value();
        var code = (await youth.RequestReturnCode()).Value().Code;
        var offer = (await counsellor.ProposeHandover(id, "stodcentrum", summary, ageBand: "16-17")).Value();
        await youth.Offers.NextAsync(ChatApp.Timeout);
        (await youth.AnswerHandover(offer.Id, accept: true)).Value();
        await member.HandoversOf(1);
        (await member.TakeHandover(id)).Value();
        (await counsellor.Leave(id)).Value();
        (await member.End(id)).Value();
        (await member.WrapUp(id, null, "16-17", "referred")).Value();

        var logs = string.Join("\n", _app.Logs.Lines);
        Assert.Contains("A partner service's member joined a conversation", logs);
        Assert.DoesNotContain("5150", logs);
        Assert.DoesNotContain(code, logs);
        Assert.DoesNotContain(id, logs);

        var inventory = Inventory();
        var redis = _app.Get<RedisConnection>();
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        var keys = server.Keys(pattern: _app.KeyPrefix + "*", pageSize: 1000).Select(k => ((string)k!)[_app.KeyPrefix.Length..]).ToList();
        Assert.Contains(keys, k => k.StartsWith("desk:stodcentrum:duty"));
        Assert.Contains(keys, k => k.StartsWith("code:"));
        foreach (var key in keys)
        {
            Assert.True(inventory.Any(pattern => pattern.IsMatch(key)), $"'{key}' is not described in docs/privacy.md");
            if (key.StartsWith("conv:") || key.StartsWith("token:") || key.StartsWith("code"))
                Assert.True(await redis.Database.KeyTimeToLiveAsync(_app.KeyPrefix + key) is { } ttl && ttl > TimeSpan.Zero, $"'{key}' never expires");
        }
        // The summary lives in the transcript only, which goes with the conversation; no other key holds it.
        foreach (var key in keys.Where(k => !k.StartsWith("conv:")))
            Assert.DoesNotContain("5150", await Members(redis, _app.KeyPrefix + key));
    }

    private static async Task<string> Members(RedisConnection redis, string key) =>
        await redis.Database.KeyTypeAsync(key) switch
        {
            RedisType.Set => string.Join(",", await redis.Database.SetMembersAsync(key)),
            RedisType.SortedSet => string.Join(",", await redis.Database.SortedSetRangeByRankAsync(key)),
            RedisType.Hash => string.Join(",", (await redis.Database.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}")),
            RedisType.String => (string?)await redis.Database.StringGetAsync(key) ?? "",
            _ => "",
        };

    // A conversation from start to wrap-up; returns the young person's token and the conversation id.
    private async Task<(string Token, string Id)> WholeConversation(string text)
    {
        var (youth, counsellor, id) = await Youth.Matched(_app);
        await using var _ = youth;
        await using var __ = counsellor;
        // Text that looks personal is asked about first: nothing of that may reach the logs either.
        var looksPersonal = Chat.Server.Privacy.PersonalDetails.Find(text).Count > 0;
        if (looksPersonal) (await youth.Send(text)).Refused("looks-personal");
        (await youth.Send(text, confirmed: looksPersonal)).Value();
        (await counsellor.Send(id, text)).Value();
        (await youth.End()).Value();
        (await youth.Rate(3)).Value();
        (await counsellor.WrapUp(id, "sexual-abuse", "13-15", "support-given")).Value();
        return (youth.LastToken!, id);
    }

    // The key patterns in docs/privacy.md's table: `<…>` stands for a value, everything else is literal.
    private static List<Regex> Inventory()
    {
        var doc = File.ReadAllText(Repository.File("docs/privacy.md"));
        var patterns = KeyRow().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.True(patterns.Count >= 10, "the key table in docs/privacy.md was not found");
        return patterns.Select(p => new Regex("^" + Placeholder().Replace(Regex.Escape(p), "[^:]+") + "$")).ToList();
    }

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Placeholder();
}
