using Chat.Server.Staff;
using Chat.Server.Stats;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The coordinators' live dashboard: the floor as it changes, ending a stuck chat, following one silently.
public sealed class DashboardTests : ChatTest
{
    public DashboardTests() => App = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Dashboard:RefreshEvery"] = "00:00:00.2" });

    [Fact]
    public async Task TheDashboardFollowsAYoungPersonFromWaitingToTaken()
    {
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));
        var counsellor = Own(await Counsellor.SignIn(App, "ulla"));
        (await counsellor.GoOnDuty(2)).Value();
        var empty = (await coordinator.Watch()).Value();
        Assert.Equal((0, null, 1, 2, 2, 0), (empty.Waiting, empty.LongestWaitSeconds, empty.OnDuty, empty.Capacity, empty.FreeCapacity, empty.ChatsInProgress));

        var youth = Own(await Youth.Connect(App));
        (await youth.Start()).Value();
        (await youth.Danger()).Value();
        var waiting = await coordinator.Until(s => s.Waiting == 1 && s.DangerWaiting == 1);
        Assert.NotNull(waiting.LongestWaitSeconds);
        Assert.Empty(waiting.Chats);

        var id = (await counsellor.TakeNext()).Value().ConversationId;
        // Free places may be up to a second old (WaitingRoom.Outlook), so wait for them too.
        var taken = await coordinator.Until(s => s.Waiting == 0 && s.FreeCapacity == 1);
        Assert.Equal((0, 1, 1), (taken.DangerWaiting, taken.FreeCapacity, taken.ChatsInProgress));
        var chat = Assert.Single(taken.Chats);
        Assert.Equal((id, "Name of ulla", false, true, false), (chat.ConversationId, chat.Holder, chat.Stuck, chat.Danger, chat.YouthAway));
    }

    [Fact]
    public async Task HandoversTodayCountsLiveAndCodeHandovers()
    {
        var counters = App.Get<Counters>();
        await counters.CountHandover("handover-live", "stodcentrum", "relationship-violence", "16-17");
        await counters.CountHandover("handover-code", "umo", "", "");
        await counters.CountHandover("handover-declined", "umo", "", "");
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));
        Assert.Equal(2, (await coordinator.Watch()).Value().HandoversToday);
    }

    [Fact]
    public async Task AChatWithNothingHappeningIsMarkedStuck()
    {
        App = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Dashboard:StuckAfter"] = "00:00:00" });
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        await youth.Hub.StopAsync();
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));
        var state = (await coordinator.Watch()).Value();
        var chat = Assert.Single(state.Chats);
        Assert.Equal((id, true, true), (chat.ConversationId, chat.Stuck, chat.YouthAway));
    }

    [Fact]
    public async Task ACoordinatorEndsAStuckChatAndEveryoneIsTold()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));

        (await coordinator.EndChat(id)).Value();

        var ended = await youth.Next("ended");
        Assert.Equal("system", ended.From);
        Assert.Equal("system", (await counsellor.Next("ended")).From);
        var chat = Assert.Single((await counsellor.Snapshot()).Value().Chats);
        Assert.Equal(("ended", false), (chat.State, chat.WrappedUp));
        (await counsellor.WrapUp(id, "relationship-violence", "16-17", "support-given")).Value();
        (await coordinator.EndChat(id)).Refused("already-ended");
        var entry = Assert.Single(await App.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.ChatEnded);
        Assert.Equal(("cora", "ulla"), (entry.Actor, entry.Target));
    }

    [Fact]
    public async Task AWaitingChatIsNotEndedFromTheDashboard()
    {
        var youth = Own(await Youth.Connect(App));
        (await youth.Start()).Value();
        var id = (await App.Get<Chat.Server.Queue.WaitingRoom>().Read()).Entries.Single().Chat.ConversationId;
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));
        (await coordinator.EndChat(id)).Refused("not-active");
        Assert.Equal(1, (await coordinator.Watch()).Value().Waiting);
        (await coordinator.JoinSilently(id)).Refused("not-active");
    }

    [Theory]
    [InlineData(null, "invalid-conversation-id")]
    [InlineData("*", "invalid-conversation-id")]
    [InlineData("0123456789abcdef01234567", "unknown-conversation")]
    public async Task BadConversationIdsAreRefused(string? id, string code)
    {
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));
        (await coordinator.EndChat(id)).Refused(code);
        (await coordinator.JoinSilently(id)).Refused(code);
        (await coordinator.LeaveSilently(id)).Refused(code);
    }

    [Fact]
    public async Task ACoordinatorFollowsSilentlyTheCounsellorKnowsTheYoungPersonDoesNot()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        (await youth.Send("det började i somras")).Value();
        await counsellor.Next("text");
        var observerChanges = counsellor.Hub.Record<ObserverChangedEvent>("ObserverChanged");
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));

        var seen = (await coordinator.JoinSilently(id)).Value();

        Assert.Contains(seen.Messages, m => m.Text == "det började i somras");
        Assert.False(seen.Holder);
        Assert.Equal(new ObserverChangedEvent(id, "Name of cora"), await observerChanges.NextAsync(ChatApp.Timeout));
        Assert.Equal("Name of cora", Assert.Single((await counsellor.Snapshot()).Value().Chats).Observer);

        (await counsellor.Send(id, "jag finns här")).Value();
        (await youth.Send("tack")).Value();
        Assert.Equal("jag finns här", (await coordinator.Messages.NextAsync(ChatApp.Timeout)).Message.Text);
        Assert.Equal("tack", (await coordinator.Messages.NextAsync(ChatApp.Timeout)).Message.Text);
        // Reading along, never writing: sending is a desk method.
        Assert.Contains("unauthorized", (await Assert.ThrowsAnyAsync<Exception>(() => coordinator.Send(id, "hej"))).Message);

        var other = Own(await Coordinator.SignIn(App, "dana"));
        (await other.JoinSilently(id)).Refused("observer-present");
        (await other.LeaveSilently(id)).Refused("not-observing");

        (await coordinator.LeaveSilently(id)).Value();
        Assert.Equal(new ObserverChangedEvent(id, null), await observerChanges.NextAsync(ChatApp.Timeout));
        Assert.Null(Assert.Single((await counsellor.Snapshot()).Value().Chats).Observer);

        // Nothing the young person received says a coordinator was there.
        Assert.DoesNotContain(youth.Messages.Received, m => (m.Name ?? "").Contains("cora") || (m.Text ?? "").Contains("cora"));
        var entry = Assert.Single(await App.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.ChatFollowed);
        Assert.Equal(("cora", "ulla"), (entry.Actor, entry.Target));
    }

    [Fact]
    public async Task AClosedDashboardGivesUpItsSeatAndTheCounsellorIsTold()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        var observerChanges = counsellor.Hub.Record<ObserverChangedEvent>("ObserverChanged");
        var coordinator = await Coordinator.SignIn(App, "cora");
        (await coordinator.JoinSilently(id)).Value();
        Assert.Equal("Name of cora", (await observerChanges.NextAsync(ChatApp.Timeout)).Observer);

        await coordinator.DisposeAsync();

        Assert.Equal(new ObserverChangedEvent(id, null), await observerChanges.NextAsync(ChatApp.Timeout));
        Assert.Null(Assert.Single((await counsellor.Snapshot()).Value().Chats).Observer);
        var other = Own(await Coordinator.SignIn(App, "dana"));
        (await other.JoinSilently(id)).Value();
    }

    [Fact]
    public async Task AFollowingCoordinatorSeesTheChatEnd()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));
        (await coordinator.JoinSilently(id)).Value();
        (await youth.End()).Value();
        Assert.Equal("ended", (await coordinator.Messages.NextAsync(ChatApp.Timeout)).Message.Kind);
    }

    [Fact]
    public async Task AnAdminSeesTheNumbersButDoesNotReadOrEndChats()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        var admin = Own(await Coordinator.SignIn(App, "ada", StaffRoles.Admin));
        Assert.Equal(1, (await admin.Watch()).Value().ChatsInProgress);
        Assert.Contains("unauthorized", (await Assert.ThrowsAnyAsync<Exception>(() => admin.JoinSilently(id))).Message);
        Assert.Contains("unauthorized", (await Assert.ThrowsAnyAsync<Exception>(() => admin.EndChat(id))).Message);
        Assert.Equal("active", (await App.Get<Chat.Server.Conversations.ConversationStore>().Find(id))!.State);
    }

    [Fact]
    public async Task ACounsellorCannotWatchTheDashboard()
    {
        var counsellor = Own(await Counsellor.SignIn(App, "ulla"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => counsellor.Call<object?>("WatchDashboard"));
        Assert.Contains("unauthorized", error.Message);
    }

    [Fact]
    public async Task TheDashboardSeesChatsOnEveryNode()
    {
        await using var other = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: App.KeyPrefix);
        var youth = Own(await Youth.Connect(other));
        (await youth.Start()).Value();
        var coordinator = Own(await Coordinator.SignIn(App, "cora"));
        Assert.Equal(1, (await coordinator.Watch()).Value().Waiting);
    }
}
