using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The edges of a live handover: what is written while it waits, calling it off, leaving again, a service that
// went away, danger at the desk, and two members racing from two nodes.
public sealed class HandoverEdgeTests : IAsyncLifetime
{
    private readonly ChatApp _a = ChatApp.OnSharedRedis();
    private readonly ChatApp _b;
    private static readonly TimeSpan T = ChatApp.Timeout;
    private const string Summary = "Vill prata om en relation som känns otrygg.";

    public HandoverEdgeTests() => _b = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: _a.KeyPrefix);

    public async Task InitializeAsync() => await Handovers.Live(_a, "stodcentrum");

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    // Young person and counsellor on node A, a member of Stödcentrum on duty on node B; the young person said yes.
    private async Task<(Youth Youth, Counsellor Counsellor, Counsellor Member, string Id)> Accepted(bool share = false)
    {
        var member = await Counsellor.SignInMember(_b, "sara", "stodcentrum");
        (await member.GoOnDuty(2)).Value();
        var (youth, counsellor, id) = await Youth.Matched(_a);
        (await youth.Send("det här sa jag innan")).Value();
        (await counsellor.ProposeHandover(id, "stodcentrum", Summary, ageBand: "16-17")).Value();
        var offer = await youth.Offers.NextAsync(T);
        (await youth.AnswerHandover(offer.Id, accept: true, shareHistory: share)).Value();
        await member.HandoversOf(1);
        return (youth, counsellor, member, id);
    }

    [Fact]
    public async Task WithoutTheYoungPersonsYesTheMemberReadsNeitherWhatCameBeforeNorWhatWasWrittenWhileWaiting()
    {
        var (youth, counsellor, member, id) = await Accepted();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await youth.Send("jag vill inte att de får veta om skolan")).Value();

        var chat = (await member.TakeHandover(id)).Value();
        Assert.Equal(["handover", "joined"], chat.Messages.Select(m => m.Kind));
        Assert.Equal(Summary, chat.Messages[0].Text);
        (await youth.Send("nu är du här")).Value();
        Assert.Equal("nu är du här", (await member.Next("text")).Text);
        (await counsellor.Leave(id)).Value();
        var held = Assert.Single((await member.Snapshot()).Value().Chats).Messages;
        Assert.DoesNotContain(held, m => m.Text is "det här sa jag innan" or "jag vill inte att de får veta om skolan");
        Assert.Contains(held, m => m.Text == Summary);
    }

    [Fact]
    public async Task EndingTheChatTakesItOffTheDeskAndTellsTheMembers()
    {
        var (youth, counsellor, member, id) = await Accepted();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await counsellor.End(id)).Value();
        Assert.Empty(await member.HandoversOf(0));
        (await member.TakeHandover(id)).Refused("no-longer-waiting");
    }

    [Fact]
    public async Task TheCounsellorCanCallOffAHandoverNobodyHasJoinedYet()
    {
        var (youth, counsellor, member, id) = await Accepted();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await counsellor.CancelHandover(id)).Value();
        Assert.Equal("Stödcentrum", (await youth.Next("handover-cancelled")).Service);
        Assert.Empty(await member.HandoversOf(0));
        (await member.TakeHandover(id)).Refused("no-handover");
        (await counsellor.CancelHandover(id)).Refused("no-handover");
        // Free to hand on again.
        (await counsellor.ProposeHandover(id, "stodcentrum", Summary, ageBand: "16-17")).Value();
    }

    [Fact]
    public async Task AMemberWhoJoinedCanLeaveAgainAndTheCounsellorStays()
    {
        var (youth, counsellor, member, id) = await Accepted();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await member.TakeHandover(id)).Value();
        (await member.Leave(id)).Value();
        var left = await youth.Next("left");
        Assert.Equal(("Name of sara", "Stödcentrum"), (left.Name, left.Service));
        (await counsellor.Send(id, "jag är kvar")).Value();
        Assert.Empty((await member.Snapshot()).Value().Chats);
        Assert.False((await member.GoOffDuty()).Value().OnDuty);
        var chat = Assert.Single((await counsellor.Snapshot()).Value().Chats);
        Assert.Equal((true, true, null), (chat.Holder, chat.CanHandOver, chat.Guest));
    }

    [Fact]
    public async Task AMemberHoldingTheChatAfterAReloadCanEndItButNotHandItOn()
    {
        var (youth, counsellor, member, id) = await Accepted();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        var joined = (await member.TakeHandover(id)).Value();
        Assert.Equal((false, false), (joined.Holder, joined.CanHandOver));
        (await member.End(id)).Refused("not-your-conversation"); // a guest does not end the chat
        (await counsellor.Leave(id)).Value();

        var held = Assert.Single((await member.Snapshot()).Value().Chats);
        Assert.Equal((true, false), (held.Holder, held.CanHandOver));
        await Handovers.Unauthorized(() => member.Services(id));
        (await member.End(id)).Value();
    }

    [Fact]
    public async Task AYesAfterTheLastMemberWentOffDutyWithdrawsTheProposalInsteadOfStrandingTheChat()
    {
        var member = await Counsellor.SignInMember(_b, "sara", "stodcentrum");
        await using var _3 = member;
        (await member.GoOnDuty(1)).Value();
        var (youth, counsellor, id) = await Youth.Matched(_a);
        await using var _1 = youth;
        await using var _2 = counsellor;
        var offer = (await counsellor.ProposeHandover(id, "stodcentrum", Summary, ageBand: "16-17")).Value();
        Assert.Equal("live", offer.Mode);
        await youth.Offers.NextAsync(T);
        (await member.GoOffDuty()).Value();

        (await youth.AnswerHandover(offer.Id, accept: true)).Refused("service-gone");
        var answer = await counsellor.Answers.NextAsync(T);
        Assert.Equal((true, "gone"), (answer.Accepted, answer.Mode));
        var chat = Assert.Single((await counsellor.Snapshot()).Value().Chats);
        Assert.Equal((null, null), (chat.Proposed, chat.WaitingFor));
        Assert.Equal("code", (await counsellor.ProposeHandover(id, "stodcentrum", Summary, ageBand: "16-17")).Value().Mode);
    }

    [Fact]
    public async Task DangerWhileAHandoverWaitsAlertsTheServicesMembersAndTheCounsellor()
    {
        await using var bertil = await Counsellor.SignIn(_a, "bertil");
        (await bertil.GoOnDuty(1)).Value();
        var (youth, counsellor, member, id) = await Accepted();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        (await youth.Danger()).Value();
        Assert.Equal(id, (await member.DangerAlerts.NextAsync(T)).ConversationId);
        Assert.Equal(id, (await counsellor.DangerAlerts.NextAsync(T)).ConversationId);
        Assert.True(Assert.Single(await member.HandoversOf(1)).Danger);
        await bertil.DangerAlerts.ExpectNoneAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task TwoMembersOnTwoNodesTakingTheSameHandoverAtOnceJoinOnce()
    {
        var (youth, counsellor, member, id) = await Accepted();
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var _3 = member;
        await using var other = await Counsellor.SignInMember(_a, "kim", "stodcentrum");
        (await other.GoOnDuty(1)).Value();

        var replies = await Task.WhenAll(member.TakeHandover(id), other.TakeHandover(id));
        Assert.Single(replies, r => r.Ok);
        Assert.Equal("already-taken", Assert.Single(replies, r => !r.Ok).Error!.Code);
        await youth.Next("joined");
        await youth.Messages.ExpectNoneAsync(TimeSpan.FromMilliseconds(300));
    }
}
