using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Storage;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

public sealed class PrivacyTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(30);
    private readonly ChatApp _app = ChatApp.OnSharedRedis(new Dictionary<string, string?>
    {
        ["Conversations:RetentionAfterEnd"] = Retention.ToString(),
    });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

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

        var db = app.Get<RedisConnection>().Database;
        var left = RedisHolds.Keys(app);
        Assert.DoesNotContain(left, k => k.StartsWith("conv:") || k.StartsWith("token:") || k.Contains(id));
        foreach (var key in left.Where(k => k.StartsWith("chats:") || k.StartsWith("queue")))
            Assert.DoesNotContain(id, await RedisHolds.Contents(db, app.KeyPrefix + key));
        // What remains is about staff or counts nobody: accounts, sign-in sessions, the audit log, duty, counters, queue numbers,
        // signing keys, the directory, help pages.
        Assert.All(left, k => Assert.Matches("^(staff(:.+)?|sessions?:.+|audit:.+|duty(:since)?|queue(:ticket|:version|:away|:handling)?|stats:.+|dataprotection:keys|chats:.+|services|pages|page:.+)$", k));
    }

    [Fact]
    public async Task AHandoverKeepsTheSummaryOnlyInTheTranscriptAndNeitherSummaryNorCodeInTheLogs()
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

        var db = _app.Get<RedisConnection>().Database;
        var keys = RedisHolds.Keys(_app);
        Assert.Contains(keys, k => k.StartsWith("code:"));
        // The summary lives in the transcript only, which goes with the conversation; no other key holds it.
        foreach (var key in keys.Where(k => !k.StartsWith("conv:")))
            Assert.DoesNotContain("5150", await RedisHolds.Contents(db, _app.KeyPrefix + key));
    }
}
