using System.Net;
using Chat.Server.Staff;
using Chat.Server.Stats;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// A counsellor ends and blocks an abusive chat: the young person sees a calm ending, the token and the client they
// started from are refused, everyone else goes on as before.
public sealed class BlockTests : ChatTest
{
    private static readonly IPAddress Abuser = IPAddress.Parse("203.0.113.66");
    private static readonly IPAddress Someone = IPAddress.Parse("198.51.100.20");

    private static async Task<Youth> From(ChatApp app, IPAddress address) =>
        new(await app.ConnectAsync("/hubs/youth", new HubClientOptions { PeerAddress = address }));

    private async Task<(Youth Youth, Counsellor Counsellor, string Id, string Token)> Chatting(ChatApp app, Counsellor? counsellor = null)
    {
        counsellor ??= Own(await Counsellor.SignIn(App, "ulla"));
        (await counsellor.GoOnDuty(3)).Value();
        var youth = Own(await From(app, Abuser));
        var token = (await youth.Start()).Value().Token;
        var id = (await counsellor.Snapshot()).Value().Waiting.Single().ConversationId;
        (await counsellor.Take(id)).Value();
        await youth.Next("joined");
        return (youth, counsellor, id, token);
    }

    [Fact]
    public async Task TheHolderBlocksAChatAndTheSameClientCannotComeBack()
    {
        var (youth, counsellor, id, token) = await Chatting(App);

        (await counsellor.Call<object?>("Block", id)).Value();

        var ended = await youth.Next("ended");
        Assert.Equal("counsellor", ended.From); // the same calm ending as any other
        (await Own(await From(App, Abuser)).Resume(token, takeOver: true)).Refused("blocked");
        (await Own(await From(App, Abuser)).Start()).Refused("blocked");
        (await Own(await From(App, Someone)).Start()).Value();

        Assert.Equal(1, (await App.Get<Counters>().Today()).GetValueOrDefault("blocked"));
        var entry = Assert.Single(await App.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.ChatBlocked);
        Assert.Equal(("ulla", ""), (entry.Actor, entry.Target));
    }

    [Fact]
    public async Task BlockingTwiceCountsOnce()
    {
        var (_, counsellor, id, _) = await Chatting(App);
        (await counsellor.Call<object?>("Block", id)).Value();
        (await counsellor.Call<object?>("Block", id)).Value();
        Assert.Equal(1, (await App.Get<Counters>().Today()).GetValueOrDefault("blocked"));
    }

    // The counsellor on another node blocks by the client hash kept in the conversation: the young person's node,
    // whose key made it, recognises it.
    [Fact]
    public async Task ACounsellorOnAnotherNodeBlocksTheClient()
    {
        await using var other = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: App.KeyPrefix);
        var counsellor = Own(await Counsellor.SignIn(other, "ulla"));
        var (_, _, id, _) = await Chatting(App, counsellor);
        (await counsellor.Call<object?>("Block", id)).Value();
        (await Own(await From(App, Abuser)).Start()).Refused("blocked");
    }

    [Fact]
    public async Task OnlyTheHolderMayBlock()
    {
        var (youth, _, id, _) = await Chatting(App);
        var colleague = Own(await Counsellor.SignIn(App, "olle"));
        (await colleague.Call<object?>("Block", id)).Refused("not-your-conversation");
        (await colleague.Call<object?>("Block", "not an id")).Refused("invalid-conversation-id");
        (await youth.Send("fortfarande här")).Value();
    }

    // A partner service's member who joined for a warm handover is a guest, not the holder.
    [Fact]
    public async Task APartnersGuestCannotBlockTheChatTheyJoined()
    {
        await Handovers.Live(App, "stodcentrum");
        var member = Own(await Counsellor.SignInMember(App, "sara", "stodcentrum"));
        (await member.GoOnDuty(2)).Value();
        var (youth, counsellor, id, _) = await Chatting(App);
        (await counsellor.ProposeHandover(id, "stodcentrum", "Vill ha stöd.", "16-17")).Value();
        var offer = await youth.Offers.NextAsync(ChatApp.Timeout);
        (await youth.AnswerHandover(offer.Id, accept: true)).Value();
        await member.HandoversOf(1);
        Assert.False((await member.TakeHandover(id)).Value().Holder);

        (await member.Call<object?>("Block", id)).Refused("not-your-conversation");
        (await youth.Send("fortfarande här")).Value();
        (await Own(await From(App, Abuser)).Start()).Value(); // nothing was blocked
    }
}
