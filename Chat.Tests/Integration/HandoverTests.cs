using Chat.Server.Handover;
using Chat.Server.Stats;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The warm handover to a partner service: three parties, the young person's consent, and two nodes.
public sealed class HandoverTests : IAsyncLifetime
{
    private readonly ChatApp _a = ChatApp.OnSharedRedis();
    private readonly ChatApp _b;
    private static readonly TimeSpan T = ChatApp.Timeout;
    private const string Summary = "Hen är 16 och blir kontrollerad av sin pojkvän. Vill ha stöd inför en polisanmälan.";

    public HandoverTests() => _b = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: _a.KeyPrefix);

    public async Task InitializeAsync() => await Handovers.Live(_a, "stodcentrum");

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    // Counsellor and young person on node A, the member of Stödcentrum on node B, on duty at its desk.
    private async Task<(Youth Youth, Counsellor Counsellor, Counsellor Member, string Id)> ThreeParties(string ageBand = "16-17")
    {
        var member = await Counsellor.SignInMember(_b, "sara", "stodcentrum");
        (await member.GoOnDuty(2)).Value();
        var counsellor = await Counsellor.SignIn(_a, "ulla");
        (await counsellor.GoOnDuty(2)).Value();
        var youth = await Youth.Connect(_a);
        (await youth.Start("relationship-violence", "sv", ageBand)).Value();
        var id = (await counsellor.QueueOf(1))[0].ConversationId;
        (await counsellor.Take(id)).Value();
        await youth.Next("joined");
        return (youth, counsellor, member, id);
    }

    [Fact]
    public async Task ALiveHandoverBringsAMemberOfTheServiceIntoTheSameConversationAcrossNodes()
    {
        var (youth, counsellor, member, id) = await ThreeParties();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await youth.Send("Det här är bara mellan oss")).Value();
        await counsellor.Next("text");

        var stod = Assert.Single((await counsellor.Services(id)).Value(), s => s.Service == "stodcentrum");
        Assert.Equal("live", stod.Availability);
        var proposed = (await counsellor.ProposeHandover(id, "stodcentrum", Summary)).Value();

        var offer = await youth.Offers.NextAsync(T);
        Assert.Equal(("Stödcentrum", Summary, "live", proposed.Id), (offer.ServiceName, offer.Summary, offer.Mode, offer.Id));
        Assert.Null((await youth.AnswerHandover(offer.Id, accept: true, shareHistory: false)).Value());
        Assert.True((await counsellor.Answers.NextAsync(T)).Accepted);
        Assert.Equal(Summary, (await youth.Next("handover")).Text);

        var waiting = Assert.Single(await member.HandoversOf(1));
        Assert.Equal((id, Summary), (waiting.ConversationId, waiting.Summary));
        var chat = (await member.TakeHandover(id)).Value();
        // The young person did not let the service read what came before: it sees the summary onwards.
        Assert.DoesNotContain(chat.Messages, m => m.Text == "Det här är bara mellan oss");
        Assert.Equal("handover", chat.Messages[0].Kind);
        Assert.False(chat.Holder);

        var joined = await youth.Next("joined");
        Assert.Equal(("Name of sara", "Stödcentrum"), (joined.Name, joined.Service));
        Assert.Equal("Stödcentrum", (await counsellor.Next("joined")).Service);

        (await counsellor.Send(id, "Sara, det här är en ung person som vill prata om sin relation.")).Value();
        Assert.Equal("Name of ulla", (await member.Next("text")).Name);
        (await member.Send(id, "Hej! Jag heter Sara och jobbar på Stödcentrum.")).Value();
        var fromMember = await youth.Next("text", "counsellor");
        Assert.Equal(("Name of ulla", null), (fromMember.Name, fromMember.Service));
        fromMember = await youth.Next("text", "counsellor");
        Assert.Equal(("Name of sara", "Stödcentrum"), (fromMember.Name, fromMember.Service));

        (await counsellor.Leave(id)).Value();
        Assert.Equal("Name of ulla", (await youth.Next("left")).Name);
        (await counsellor.Send(id, "en sak till")).Refused("not-your-conversation");
        Assert.Empty((await counsellor.Snapshot()).Value().Chats);
        var held = Assert.Single((await member.Snapshot()).Value().Chats);
        Assert.True(held.Holder);
        Assert.DoesNotContain(held.Messages, m => m.Text == "Det här är bara mellan oss");

        (await youth.Send("tack")).Value();
        while ((await member.Next("text")).From != "youth") { } // the member's own lines come back first
        (await member.End(id)).Value();
        await youth.Next("ended");
        (await member.WrapUp(id, "relationship-violence", "16-17", "referred")).Value();

        var today = await _a.Get<Counters>().Today(); // the service's day (Stockholm), not UTC's
        Assert.Equal(1, today["handover-live:stodcentrum:relationship-violence:16-17"]);
    }

    [Fact]
    public async Task TheServiceReadsEarlierMessagesOnlyWhenTheYoungPersonTickedIt()
    {
        var (youth, counsellor, member, id) = await ThreeParties();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await youth.Send("Ni får läsa det här")).Value();
        (await counsellor.ProposeHandover(id, "stodcentrum", Summary)).Value();
        var offer = await youth.Offers.NextAsync(T);
        (await youth.AnswerHandover(offer.Id, accept: true, shareHistory: true)).Value();
        await member.HandoversOf(1);

        var chat = (await member.TakeHandover(id)).Value();
        Assert.Contains(chat.Messages, m => m.Text == "Ni får läsa det här");
    }

    [Fact]
    public async Task DecliningChangesNothingAndIsCounted()
    {
        var (youth, counsellor, member, id) = await ThreeParties();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await counsellor.ProposeHandover(id, "stodcentrum", Summary)).Value();
        var offer = await youth.Offers.NextAsync(T);

        (await youth.AnswerHandover(offer.Id, accept: false)).Value();
        Assert.False((await counsellor.Answers.NextAsync(T)).Accepted);
        (await youth.AnswerHandover(offer.Id, accept: true)).Refused("no-offer");

        Assert.Empty((await member.Snapshot()).Value().Handovers!);
        (await member.TakeHandover(id)).Refused("no-handover");
        (await youth.Send("vi fortsätter")).Value();
        Assert.Equal("vi fortsätter", (await counsellor.Next("text")).Text);
        var chat = Assert.Single((await counsellor.Snapshot()).Value().Chats);
        Assert.Equal(("active", null, null), (chat.State, chat.Proposed, chat.WaitingFor));
        var today = await _a.Get<Counters>().Today(); // the service's day (Stockholm), not UTC's
        Assert.Equal(1, today["handover-declined:stodcentrum:relationship-violence:16-17"]);
    }

    [Fact]
    public async Task TheYoungPersonAnswersOnlyTheProposalTheySaw()
    {
        var (youth, counsellor, member, id) = await ThreeParties();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await counsellor.ProposeHandover(id, "stodcentrum", Summary)).Value();
        var first = await youth.Offers.NextAsync(T);
        (await counsellor.ProposeHandover(id, "stodcentrum", "En annan sammanfattning.")).Value();
        Assert.Equal("En annan sammanfattning.", (await youth.Offers.NextAsync(T)).Summary);

        (await youth.AnswerHandover(first.Id, accept: true)).Refused("offer-changed");
        Assert.Empty((await member.Snapshot()).Value().Handovers!);
    }

    [Fact]
    public async Task BadHandoverRequestsAreRefusedAndChangeNothing()
    {
        var (youth, counsellor, member, id) = await ThreeParties();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        await using var other = await Counsellor.SignInMember(_a, "kalle", "mikamottagningen");
        (await other.GoOnDuty(1)).Value();

        (await counsellor.ProposeHandover(id, "kast", Summary)).Refused("not-eligible");          // KAST: 18 and over
        (await counsellor.ProposeHandover(id, "barnahus", Summary)).Refused("not-eligible");      // needs a police investigation
        (await counsellor.ProposeHandover(id, "112", Summary)).Refused("not-eligible");           // never a handover target
        (await counsellor.ProposeHandover(id, "no-such-service", Summary)).Refused("unknown-service");
        (await counsellor.ProposeHandover(id, "stodcentrum", "")).Refused("empty-message");
        (await counsellor.ProposeHandover(id, "stodcentrum", new string('x', 601))).Refused("summary-too-long");
        (await counsellor.ProposeHandover("not an id", "stodcentrum", Summary)).Refused("invalid-conversation-id");
        (await counsellor.Leave(id)).Refused("no-guest");
        (await youth.AnswerHandover("x", accept: true)).Refused("no-offer");
        await youth.Offers.ExpectNoneAsync(TimeSpan.FromMilliseconds(300));

        (await counsellor.ProposeHandover(id, "stodcentrum", Summary)).Value();
        var offer = await youth.Offers.NextAsync(T);
        (await youth.AnswerHandover(offer.Id, accept: true)).Value();
        (await youth.AnswerHandover(offer.Id, accept: true)).Refused("no-offer");
        (await counsellor.Transfer(id, null, "language:ar")).Refused("handover-pending");
        (await counsellor.ProposeHandover(id, "stodcentrum", Summary)).Refused("handover-pending");

        // A member of another service cannot take it, nor can a counsellor: the method is for members only.
        (await other.TakeHandover(id)).Refused("not-your-service");
        await Handovers.Unauthorized(() => counsellor.TakeHandover(id));
        await Handovers.Unauthorized(() => member.Take(id));
        await Handovers.Unauthorized(() => member.ProposeHandover(id, "stodcentrum", Summary));
        (await member.Leave(id)).Refused("not-your-conversation"); // not in it yet
        await Handovers.Unauthorized(() => member.CancelHandover(id));

        (await member.TakeHandover(id)).Value();
        (await member.TakeHandover(id)).Refused("already-taken");
    }

}
