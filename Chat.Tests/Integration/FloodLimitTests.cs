using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Flood limits on the young people's hub, counted per client key and per conversation in fixed windows.
public sealed class FloodLimitTests : ChatTest
{
    // Aligned to every window, so a test knows exactly how long is left in it.
    private static readonly DateTimeOffset Start = new(2030, 1, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Mine = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Other = IPAddress.Parse("198.51.100.9");
    private readonly ManualClock _clock = new(Start);

    public FloodLimitTests() => App = new ChatApp(RedisServer.Shared.Endpoint) { Clock = _clock };

    private void Use(Dictionary<string, string?> settings) => App = new ChatApp(RedisServer.Shared.Endpoint, settings) { Clock = _clock };

    private async Task<Youth> From(IPAddress address) =>
        Own(new Youth(await App.ConnectAsync("/hubs/youth", new HubClientOptions { PeerAddress = address })));

    [Fact]
    public async Task AClientThatStartsTooManyChatsIsAskedToSlowDownAndOthersAreNot()
    {
        for (var i = 0; i < 5; i++) (await (await From(Mine)).Start()).Value();

        var refused = (await (await From(Mine)).Start()).Error!;
        Assert.Equal("slow-down", refused.Code);
        Assert.Equal(600, refused.RetryAfter);
        (await (await From(Other)).Start()).Value();

        _clock.Advance(TimeSpan.FromMinutes(10));
        (await (await From(Mine)).Start()).Value();
    }

    [Fact]
    public async Task ResumingWithTokensNobodyHasCountsAsStarting()
    {
        var guesser = await From(Mine);
        for (var i = 0; i < 5; i++) (await guesser.Resume(new string('A', 22))).Refused("unknown-conversation");
        (await guesser.Resume(new string('B', 22))).Refused("slow-down");
        (await (await From(Mine)).Start()).Refused("slow-down");
        (await (await From(Other)).Start()).Value();
    }

    [Fact]
    public async Task AYoungPersonWithTheRightTokenAlwaysComesBack()
    {
        var token = (await (await From(Mine)).Start()).Value().Token;
        for (var i = 0; i < 4; i++) (await (await From(Mine)).Start()).Value();
        (await (await From(Mine)).Resume(token, takeOver: true)).Value();
    }

    [Fact]
    public async Task MessagesOverTheConversationsShareAreRefusedUntilTheMinuteIsOver()
    {
        var (youth, _) = await Chatting(Mine);
        for (var i = 0; i < 30; i++) (await youth.Send($"meddelande {i}")).Value();

        var refused = (await youth.Send("ett till")).Error!;
        Assert.Equal(("slow-down", 60), (refused.Code, refused.RetryAfter));
        _clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(15, (await youth.Send("fortfarande för tidigt")).Error!.RetryAfter);

        _clock.Advance(TimeSpan.FromSeconds(15));
        (await youth.Send("nu går det")).Value();
    }

    [Fact]
    public async Task OneClientsConversationsShareItsLimitAndOtherClientsAreUnaffected()
    {
        Use(new() { ["Abuse:MessagesPerConversation"] = "2", ["Abuse:MessagesPerClient"] = "3" });
        var (first, counsellor) = await Chatting(Mine);
        var (second, _) = await Chatting(Mine, counsellor);
        var (other, _) = await Chatting(Other, counsellor);

        (await first.Send("1")).Value();
        (await first.Send("2")).Value();
        (await first.Send("3")).Refused("slow-down"); // the conversation's share
        (await second.Send("1")).Value();
        (await second.Send("2")).Refused("slow-down"); // the client's share
        (await other.Send("1")).Value();
        (await other.Send("2")).Value();
    }

    // A refused message is not stored: the server, not the page, enforces the limit.
    [Fact]
    public async Task ARefusedMessageIsNotStored()
    {
        Use(new() { ["Abuse:MessagesPerConversation"] = "1" });
        var (youth, counsellor) = await Chatting(Mine);
        Assert.Equal(2, (await youth.Send("först")).Value().Seq);
        (await youth.Send("sedan")).Refused("slow-down");
        var chat = Assert.Single((await counsellor.Snapshot()).Value().Chats);
        Assert.DoesNotContain(chat.Messages, m => m.Text == "sedan");
    }

    private async Task<(Youth Youth, Counsellor Counsellor)> Chatting(IPAddress address, Counsellor? counsellor = null)
    {
        if (counsellor is null)
        {
            counsellor = Own(await Counsellor.SignIn(App, "ulla"));
            (await counsellor.GoOnDuty(3)).Value();
        }
        var youth = await From(address);
        (await youth.Start()).Value();
        var id = (await counsellor.Snapshot()).Value().Waiting.Single().ConversationId;
        (await counsellor.Take(id)).Value();
        await youth.Next("joined");
        return (youth, counsellor);
    }
}
