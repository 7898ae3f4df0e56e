using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Every refusal names what was wrong and leaves the conversation exactly as it was.
public sealed class YouthBadInputTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NothingCanBeDoneBeforeAChatIsStarted()
    {
        await using var youth = await Youth.Connect(_app);
        (await youth.Send("hej")).Refused("not-started");
        (await youth.SetTyping(true)).Refused("not-started");
        (await youth.End()).Refused("not-started");
        (await youth.Rate(5)).Refused("not-started");
        (await youth.Danger()).Refused("not-started");
    }

    [Fact]
    public async Task SendingBeforeACounsellorJoinedIsRefused()
    {
        await using var youth = await Youth.Connect(_app);
        (await youth.Start()).Value();
        (await youth.Send("hallå?")).Refused("not-active");
        (await youth.SetTyping(true)).Refused("not-active");
        (await youth.Rate(3)).Refused("not-ended");
    }

    [Theory]
    [InlineData("", "empty-message")]
    [InlineData("   \n\t ", "empty-message")]
    [InlineData(null, "empty-message")]
    [InlineData("hej\u0000då", "invalid-characters")]
    [InlineData("bell\u0007", "invalid-characters")]
    [InlineData("escape \u001b[31m", "invalid-characters")]
    public async Task BadMessagesAreRefusedAndStoreNothing(string? text, string code)
    {
        var (youth, counsellor, id) = await Youth.Matched(_app);
        await using var _ = youth;
        await using var __ = counsellor;

        (await youth.Send(text)).Refused(code);
        (await counsellor.Send(id, text)).Refused(code);
        Assert.Equal(["joined"], (await counsellor.Snapshot()).Value().Chats[0].Messages.Select(m => m.Kind));
    }

    [Fact]
    public async Task MessagesAreLimitedTo2000Characters()
    {
        var (youth, counsellor, _) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;

        (await youth.Send(new string('a', 2001))).Refused("message-too-long");
        Assert.Equal(2, (await youth.Send(new string('a', 2000))).Value().Seq); // the refused one took no seq
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ÅÄÖ")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task BadClientMessageIdsAreRefused(string clientMessageId)
    {
        var (youth, counsellor, _) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;
        (await youth.Send("hej", clientMessageId)).Refused("invalid-client-message-id");
    }

    [Theory]
    [InlineData("not-a-topic", null, null, "invalid-topic")]
    [InlineData(null, "xx", null, "invalid-language")]
    [InlineData(null, null, "12-14", "invalid-age-band")]
    [InlineData("<script>", null, null, "invalid-topic")]
    public async Task UnknownChoicesAreRefusedAndNobodyIsQueued(string? topic, string? language, string? ageBand, string code)
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        await using var youth = await Youth.Connect(_app);
        (await youth.Start(topic, language, ageBand)).Refused(code);
        Assert.Empty((await counsellor.Snapshot()).Value().Waiting);
        (await youth.Start()).Value(); // the connection is still free to start properly
    }

    [Fact]
    public async Task AConnectionCannotStartTwoChats()
    {
        await using var youth = await Youth.Connect(_app);
        var first = (await youth.Start()).Value();
        (await youth.Start()).Refused("already-started");
        (await youth.Resume(first.Token)).Refused("already-started");
    }

    [Fact]
    public async Task AfterLeavingTheQueueTheSamePageCanStartAgain()
    {
        await using var youth = await Youth.Connect(_app);
        (await youth.Start()).Value();
        (await youth.End()).Value();
        Assert.Equal("waiting", (await youth.Start()).Value().State);
        (await youth.Start()).Refused("already-started");
    }

    [Theory]
    [InlineData(null, "invalid-token")]
    [InlineData("short", "invalid-token")]
    [InlineData("../../../../etc/passwd/x", "invalid-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", "unknown-conversation")]
    public async Task ResumingWithABadTokenIsRefused(string? token, string code)
    {
        await using var youth = await Youth.Connect(_app);
        (await youth.Resume(token)).Refused(code);
        (await youth.Send("hej")).Refused("not-started");
    }

    [Fact]
    public async Task ASecondTabWithTheSameTokenIsRefusedUntilItTakesOver()
    {
        var (first, counsellor, _) = await Youth.Matched(_app);
        await using var _1 = first;
        await using var _2 = counsellor;
        await using var second = await Youth.Connect(_app);

        (await second.Resume(first.LastToken)).Refused("open-elsewhere");
        (await first.Send("still mine")).Value();

        (await second.Resume(first.LastToken, takeOver: true)).Value();
        await first.Moved.NextAsync(ChatApp.Timeout);
        (await first.Send("from the old tab")).Refused("session-moved");
        (await first.End()).Refused("session-moved");
        (await first.Danger()).Refused("session-moved");
        (await second.Send("from the new tab")).Value();
    }

    [Fact]
    public async Task ARatingIsGivenOnceAndOnlyFromOneToFive()
    {
        var (youth, counsellor, _) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;
        (await youth.End()).Value();
        (await youth.Danger()).Refused("already-ended");

        (await youth.Rate(0)).Refused("invalid-rating");
        (await youth.Rate(6)).Refused("invalid-rating");
        (await youth.Rate(5)).Value();
        (await youth.Rate(5)).Refused("already-rated");
    }
}
