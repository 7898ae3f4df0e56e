using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The server refuses what is too big, whatever a page would or would not stop.
public sealed class OversizedMessageTests : ChatTest
{
    [Fact]
    public async Task AMessageOverTheLimitIsRefusedByTheServerAndNothingIsStored()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        (await youth.Send(new string('a', 2001))).Refused("message-too-long");
        var chat = Assert.Single((await counsellor.Snapshot()).Value().Chats);
        Assert.DoesNotContain(chat.Messages, m => m.Kind == "text");
    }

    // Over SignalR's MaximumReceiveMessageSize (16 KB) the server closes the connection without reading the message.
    [Fact]
    public async Task AFrameOverSixteenKilobytesClosesTheConnection()
    {
        var (youth, counsellor, _) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        var closed = new TaskCompletionSource();
        youth.Hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() => youth.Send(new string('a', 20_000)));
        await closed.Task.Within(ChatApp.Timeout, "closed");
        var chat = Assert.Single((await counsellor.Snapshot()).Value().Chats);
        Assert.DoesNotContain(chat.Messages, m => m.Kind == "text");
    }
}
