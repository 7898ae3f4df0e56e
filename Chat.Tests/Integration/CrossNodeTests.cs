using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Two nodes of one service (same Redis, same key prefix), each with its own connections.
public sealed class CrossNodeTests : IAsyncLifetime
{
    private readonly ChatApp _a = ChatApp.OnSharedRedis();
    private readonly ChatApp _b;

    public CrossNodeTests() => _b = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: _a.KeyPrefix);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task AYoungPersonOnOneNodeAndACounsellorOnAnotherTalkNormally()
    {
        await _a.CreateStaff("ulla");
        // Signed in through node A, connected to node B: the staff session holds on every node.
        await using var counsellor = await Counsellor.Connect(_b, await _a.SignIn("ulla"));
        (await counsellor.GoOnDuty(1)).Value();
        await using var youth = await Youth.Connect(_a);
        (await youth.Start("sexual-abuse")).Value();

        var waiting = Assert.Single(await counsellor.QueueOf(1));
        (await counsellor.Take(waiting.ConversationId)).Value();
        Assert.Equal("Name of ulla", (await youth.Next("joined")).Name);

        (await youth.Send("från nod A")).Value();
        Assert.Equal("från nod A", (await counsellor.Next("text")).Text);
        (await counsellor.Send(waiting.ConversationId, "från nod B")).Value();
        Assert.Equal("från nod B", (await youth.Next("text", "counsellor")).Text);

        (await youth.SetTyping(true)).Value();
        Assert.True((await counsellor.Typing.NextAsync(ChatApp.Timeout)).IsTyping);
        (await counsellor.End(waiting.ConversationId)).Value();
        Assert.Equal("counsellor", (await youth.Next("ended")).From);
    }

    [Fact]
    public async Task QueueChangesReachCounsellorsOnEveryNodeAndPlacesReachYoungPeopleOnEveryNode()
    {
        await using var onA = await Counsellor.SignIn(_a, "ulla");
        await using var onB = await Counsellor.SignIn(_b, "bertil");
        (await onA.GoOnDuty(1)).Value();
        (await onB.GoOnDuty(1)).Value();
        await using var first = await Youth.Connect(_b);
        await using var second = await Youth.Connect(_a);
        (await first.Start()).Value();
        (await second.Start()).Value();

        Assert.Equal(2, (await onA.QueueOf(2)).Count);
        var queue = await onB.QueueOf(2);
        (await onA.Take(queue[0].ConversationId)).Value();
        Assert.Single(await onB.QueueOf(1));
        await second.NextPosition(1);
    }

    [Fact]
    public async Task ATabThatTakesOverOnAnotherNodeMovesTheChatAwayFromTheFirst()
    {
        var (first, counsellor, _) = await Youth.Matched(_a);
        await using var _1 = first;
        await using var _2 = counsellor;
        await using var second = await Youth.Connect(_b);

        (await second.Resume(first.LastToken, takeOver: true)).Value();
        await first.Moved.NextAsync(ChatApp.Timeout);
        (await first.Send("gamla fliken")).Refused("session-moved");
        (await second.Send("nya fliken")).Value();
        Assert.Equal("nya fliken", (await counsellor.Next("text")).Text);
    }
}
