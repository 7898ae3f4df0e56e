using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// "Take next" through the staff hub: the matching rules over the real queue, then the atomic take.
public sealed class TakeNextTests : ChatTest
{
    [Fact]
    public async Task ACounsellorWhoseSkillsMatchGetsTheChatBeforeOneWhoseDoNot()
    {
        var swedish = await OnDuty("bertil", languages: ["sv"]);
        var arabic = await OnDuty("ulla", languages: ["ar"]);
        var youth = await Waiting(language: "ar");

        (await swedish.TakeNext()).Refused("nothing-waiting");
        Assert.Equal("ar", (await arabic.TakeNext()).Value().Language);
        Assert.Equal("Name of ulla", (await youth.Next("joined")).Name);
    }

    [Fact]
    public async Task AMatchingChatFurtherBackIsTakenWhileAnEarlierOneWaitsForItsMatch()
    {
        var swedish = await OnDuty("bertil", languages: ["sv"]);
        await Waiting(language: "ar");
        await Waiting(language: "sv");

        Assert.Equal("sv", (await swedish.TakeNext()).Value().Language);
        Assert.Equal("ar", Assert.Single((await swedish.Snapshot()).Value().Waiting).Language);
    }

    [Fact]
    public async Task AfterTheWaitLimitAnyoneOnDutyGetsTheChat()
    {
        await App.DisposeAsync();
        App = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Queue:WidenAfter"] = "00:00:01" });
        var swedish = await OnDuty("bertil", languages: ["sv"]);
        await Waiting(language: "ar", topic: "honour-violence");

        (await swedish.TakeNext()).Refused("nothing-waiting");
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal("ar", (await swedish.TakeNext()).Value().Language);
    }

    [Fact]
    public async Task TheLongestWaitingIsTakenFirst()
    {
        var counsellor = await OnDuty("ulla");
        await Waiting(topic: "exploitation");
        await Waiting(topic: "sexual-abuse");

        Assert.Equal("exploitation", (await counsellor.TakeNext()).Value().Topic);
        Assert.Equal("sexual-abuse", (await counsellor.TakeNext()).Value().Topic);
    }

    [Fact]
    public async Task TakingNextNeedsDutyRoomAndSomeoneWaiting()
    {
        var counsellor = await Counsellor.SignIn(App, "ulla");
        Own(counsellor);
        (await counsellor.TakeNext()).Refused("not-on-duty");
        (await counsellor.GoOnDuty(1)).Value();
        (await counsellor.TakeNext()).Refused("nothing-waiting");

        await Waiting();
        await Waiting();
        (await counsellor.TakeNext()).Value();
        (await counsellor.TakeNext()).Refused("at-capacity");
        Assert.Single((await counsellor.Snapshot()).Value().Waiting);
    }

    [Fact]
    public async Task ManyCounsellorsPressingNextAtOnceGetEachChatOnceAndStayWithinCapacity()
    {
        var counsellors = new List<Counsellor>();
        for (var i = 0; i < 6; i++) counsellors.Add(await OnDuty($"counsellor{i}", capacity: 2));
        for (var i = 0; i < 9; i++) await Waiting();

        var replies = await Task.WhenAll(counsellors.SelectMany(c => new[] { c.TakeNext(), c.TakeNext() }));

        var taken = replies.Where(r => r.Ok).Select(r => r.Value!.ConversationId).ToList();
        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.All(replies.Where(r => !r.Ok), r => Assert.Contains(r.Error!.Code, new[] { "nothing-waiting", "already-taken" }));
        var left = (await counsellors[0].Snapshot()).Value().Waiting.Count;
        Assert.Equal(9, taken.Count + left);
        foreach (var counsellor in counsellors)
            Assert.InRange((await counsellor.Snapshot()).Value().Duty.Active, 0, 2);
    }

    private async Task<Counsellor> OnDuty(string userName, int capacity = 3, string[]? languages = null)
    {
        var counsellor = await Counsellor.SignIn(App, userName);
        Own(counsellor);
        (await counsellor.GoOnDuty(capacity)).Value();
        if (languages is not null) (await counsellor.SetSkills(languages, [])).Value();
        return counsellor;
    }

    private async Task<Youth> Waiting(string? language = null, string? topic = null)
    {
        var youth = await Youth.Connect(App);
        Own(youth);
        (await youth.Start(topic, language)).Value();
        return youth;
    }

}
