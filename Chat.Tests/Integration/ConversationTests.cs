using Chat.Server.Stats;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

public sealed class ConversationTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();
    private static readonly TimeSpan T = ChatApp.Timeout;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task YoungPersonAndCounsellorHoldAWholeConversation()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        Assert.Equal(new(true, 2, 0), (await counsellor.GoOnDuty(2)).Value());

        await using var youth = await Youth.Connect(_app);
        var started = (await youth.Start("relationship-violence", "sv", "16-17")).Value();
        Assert.Equal("waiting", started.State);
        Assert.Equal(1, started.Position);
        Assert.Equal(22, started.Token.Length);

        var waiting = Assert.Single(await counsellor.QueueOf(1));
        Assert.Equal(("relationship-violence", "sv", "16-17"), (waiting.Topic, waiting.Language, waiting.AgeBand));

        var chat = (await counsellor.Take(waiting.ConversationId)).Value();
        Assert.Equal("active", chat.State);
        var joined = await youth.Messages.NextAsync(T);
        Assert.Equal(("joined", "Name of ulla", 1L), (joined.Kind, joined.Name, joined.Seq));
        Assert.Empty(await counsellor.QueueOf(0));

        Assert.Equal(2, (await youth.Send("Hej, jag vet inte var jag ska börja")).Value().Seq);
        var fromYouth = await counsellor.Next("text");
        Assert.Equal((2L, "youth", "Hej, jag vet inte var jag ska börja"), (fromYouth.Seq, fromYouth.From, fromYouth.Text));

        (await counsellor.SetTyping(chat.ConversationId, true)).Value();
        Assert.True((await youth.Typing.NextAsync(T)).IsTyping);
        (await youth.SetTyping(true)).Value();
        Assert.Equal(chat.ConversationId, (await counsellor.Typing.NextAsync(T)).ConversationId);

        (await counsellor.Send(chat.ConversationId, "Ta den tid du behöver.")).Value();
        var reply = await youth.Next("text", "counsellor"); // its own message comes back first
        Assert.Equal(("counsellor", "Name of ulla", "Ta den tid du behöver."), (reply.From, reply.Name, reply.Text));

        (await counsellor.End(chat.ConversationId)).Value();
        var ended = await youth.Next("ended");
        Assert.Equal("counsellor", ended.From);
        (await youth.Send("är du kvar?")).Refused("not-active");

        (await youth.Rate(4)).Value();
        (await counsellor.WrapUp(chat.ConversationId, "relationship-violence", "16-17", "support-given")).Value();
        Assert.False((await counsellor.GoOffDuty()).Value().OnDuty);

        var today = await _app.Get<Counters>().Today(); // the service's day (Stockholm), not UTC's
        Assert.Equal(1, today["rating:4"]);
        Assert.Equal(1, today["outcome:support-given"]);
        Assert.Equal(1, today["topic:relationship-violence"]);
    }

    [Fact]
    public async Task YoungPersonCanEndTheChatAndTheCounsellorIsTold()
    {
        var (youth, counsellor, id) = await Youth.Matched(_app, capacity: 2);
        await using var _ = youth;
        await using var __ = counsellor;

        (await youth.End()).Value();
        var ended = await counsellor.Next("ended");
        Assert.Equal("youth", ended.From);
        (await youth.End()).Refused("already-ended");
        (await counsellor.End(id)).Refused("already-ended");
        Assert.Equal(0, (await counsellor.Snapshot()).Value().Duty.Active);
    }

    [Fact]
    public async Task LeavingTheQueueRemovesTheYoungPersonFromIt()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        await using var first = await Youth.Connect(_app);
        await using var second = await Youth.Connect(_app);
        (await first.Start()).Value();
        Assert.Equal(2, (await second.Start()).Value().Position);
        await counsellor.QueueOf(2);

        (await first.End()).Value();
        Assert.Single(await counsellor.QueueOf(1));
        Assert.Equal(1, (await second.NextPosition(1)).Position);
    }

    [Fact]
    public async Task ResumingReplaysWhatWasMissedInOrder()
    {
        var (youth, counsellor, id) = await Youth.Matched(_app, capacity: 2);
        await using var __ = counsellor;
        var token = youth.LastToken!;
        await youth.DisposeAsync();

        (await counsellor.Send(id, "ett")).Value();
        (await counsellor.Send(id, "två")).Value();

        await using var back = await Youth.Connect(_app);
        // takeOver, as the page does after its own connection dropped: the server may not yet have seen the old one go.
        var state = (await back.Resume(token, afterSeq: 1, takeOver: true)).Value();
        Assert.Equal("active", state.State);
        Assert.Equal("Name of ulla", state.Counsellor);
        Assert.Equal([2L, 3L], state.Messages.Select(m => m.Seq));
        Assert.Equal(["ett", "två"], state.Messages.Select(m => m.Text));
        (await back.Send("jag är tillbaka")).Value();
    }

    // The console's way back after a drop: its new connection hears every entry from then on, and Snapshot holds
    // what was written while it was away (the entries the load tool's storm found only there).
    [Fact]
    public async Task ACounsellorBackAfterADropFindsWhatWasMissedInTheSnapshotAndHearsWhatFollows()
    {
        await _app.CreateStaff("ulla");
        var cookie = await _app.SignIn("ulla");
        await using var youth = await Youth.Connect(_app);
        await using (var before = await Counsellor.Connect(_app, cookie))
        {
            (await before.GoOnDuty(1)).Value();
            (await youth.Start()).Value();
            (await before.Take(Assert.Single(await before.QueueOf(1)).ConversationId)).Value();
        }
        await youth.Next("joined");
        (await youth.Send("medan du var borta")).Value();

        await using var back = await Counsellor.Connect(_app, cookie);
        var chat = Assert.Single((await back.Snapshot()).Value().Chats);
        Assert.Equal([(1L, "joined"), (2L, "text")], chat.Messages.Select(m => (m.Seq, m.Kind)));
        (await youth.Send("nu är du här")).Value();
        (await youth.End()).Value();
        var live = await back.Messages.NextAsync(2, T);
        Assert.Equal([(3L, "text"), (4L, "ended")], live.Select(e => (e.Message.Seq, e.Message.Kind)));
        Assert.All(live, e => Assert.Equal(chat.ConversationId, e.ConversationId));
    }

    [Fact]
    public async Task ARetriedSendIsStoredOnce()
    {
        var (youth, counsellor, _) = await Youth.Matched(_app, capacity: 2);
        await using var __ = youth;
        await using var ___ = counsellor;

        var first = (await youth.Send("hej", "retry-1")).Value();
        var again = (await youth.Send("hej", "retry-1")).Value();
        Assert.Equal(first.Seq, again.Seq);
        var state = (await counsellor.Snapshot()).Value();
        Assert.Single(state.Chats[0].Messages, m => m.Kind == "text");
    }

    [Fact]
    public async Task TheTwoSidesMayUseTheSameClientMessageIds()
    {
        var (youth, counsellor, id) = await Youth.Matched(_app, capacity: 2);
        await using var __ = youth;
        await using var ___ = counsellor;

        var fromYouth = (await youth.Send("från den unga", "m-1")).Value();
        var fromCounsellor = (await counsellor.Send(id, "från kuratorn", "m-1")).Value();
        Assert.Equal(fromYouth.Seq + 1, fromCounsellor.Seq);
        Assert.Equal(["från den unga", "från kuratorn"], (await counsellor.Snapshot()).Value().Chats[0].Messages.Where(m => m.Kind == "text").Select(m => m.Text));
    }

    [Fact]
    public async Task TheCounsellorsCountDropsWhenTheYoungPersonEnds()
    {
        var (youth, counsellor, _) = await Youth.Matched(_app, capacity: 2);
        await using var __ = youth;
        await using var ___ = counsellor;

        (await youth.End()).Value();
        while ((await counsellor.Duty.NextAsync(T)).Active != 0) { }
    }

    [Fact]
    public async Task HtmlIsStoredAndDeliveredAsPlainText()
    {
        var (youth, counsellor, _) = await Youth.Matched(_app, capacity: 2);
        await using var __ = youth;
        await using var ___ = counsellor;
        const string markup = "<img src=x onerror=alert(1)><script>alert('x')</script> &amp;";

        (await youth.Send(markup)).Value();
        var delivered = await counsellor.Next("text");
        Assert.Equal(markup, delivered.Text);
    }
}
