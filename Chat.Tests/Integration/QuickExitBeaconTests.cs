using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Quick exit's beacon: the page is gone a moment later, so the token alone ends the chat, and nothing else does.
public sealed class QuickExitBeaconTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpStatusCode> Beacon(string body)
    {
        using var client = _app.NewClient();
        using var response = await client.PostAsync("/youth/leave", new StringContent(body)).WaitAsync(ChatApp.Timeout);
        return response.StatusCode;
    }

    [Fact]
    public async Task TheBeaconWithTheTokenEndsTheChatForBothSides()
    {
        var (youth, counsellor, _) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;
        Assert.Equal(HttpStatusCode.NoContent, await Beacon(youth.LastToken!));
        Assert.Equal("youth", (await counsellor.Next("ended")).From);
        Assert.Equal(HttpStatusCode.NoContent, await Beacon(youth.LastToken!)); // again: nothing to do, same answer
    }

    [Fact]
    public async Task AWaitingYoungPersonLeavesTheQueueAtOnce()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        await using var youth = await Youth.Connect(_app);
        var token = (await youth.Start()).Value().Token;
        await counsellor.QueueOf(1);
        Assert.Equal(HttpStatusCode.NoContent, await Beacon(token));
        Assert.Empty(await counsellor.QueueOf(0));
    }

    [Fact]
    public async Task TheBeaconWorksWhileThePagesConnectionIsClosingOrClosed()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        var youth = await Youth.Connect(_app);
        var token = (await youth.Start()).Value().Token;
        await counsellor.QueueOf(1);
        var closing = youth.DisposeAsync().AsTask(); // the page goes; its connection closes as the beacon arrives
        Assert.Equal(HttpStatusCode.NoContent, await Beacon(token));
        await closing;
        Assert.Empty(await counsellor.QueueOf(0));
        Assert.Empty((await counsellor.Snapshot()).Value().Waiting);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>alert(1)</script>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AnythingButATokenChangesNothingAndSaysNothing(string body)
    {
        var (youth, counsellor, _) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = counsellor;
        Assert.Equal(HttpStatusCode.NoContent, await Beacon(body));
        (await youth.Send("fortfarande här")).Value();
        Assert.Equal("fortfarande här", (await counsellor.Next("text")).Text);
        Assert.Equal("active", Assert.Single((await counsellor.Snapshot()).Value().Chats).State);
    }
}
