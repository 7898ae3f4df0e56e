using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// A counsellor hands a young person on to a colleague or a skill; they keep their place ahead of new arrivals.
public sealed class TransferTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();
    private static readonly TimeSpan T = ChatApp.Timeout;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ATransferToASkillGoesFirstToThoseWithItAndAheadOfNewArrivals()
    {
        var (youth, ulla, id) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = ulla;
        await using var amal = await Counsellor.SignIn(_app, "amal");
        (await amal.SetSkills(["ar"], [])).Value();
        (await amal.GoOnDuty(1)).Value();
        await using var bertil = await Counsellor.SignIn(_app, "bertil");
        (await bertil.GoOnDuty(1)).Value();
        await using var later = await Youth.Connect(_app);
        (await later.Start()).Value();
        await amal.QueueOf(1);

        (await ulla.Transfer(id, null, "language:ar", "Hen skriver hellre på arabiska.")).Value();
        var transferred = await youth.Next("transferred");
        Assert.Equal(("Name of ulla", "Hen skriver hellre på arabiska."), (transferred.Name, transferred.Text));
        Assert.Empty((await ulla.Snapshot()).Value().Chats);
        (await ulla.Send(id, "hallå?")).Refused("not-your-conversation");

        var queue = await bertil.QueueOf(2);
        Assert.Equal(id, queue[0].ConversationId); // ahead of the one who arrived later
        Assert.True(queue[0].Transferred);
        Assert.Equal("language:ar", queue[0].Skill);

        // Bertil has no Arabic: "take next" gives him the later arrival, not the transferred chat.
        Assert.NotEqual(id, (await bertil.TakeNext()).Value().ConversationId);
        var taken = (await amal.TakeNext()).Value();
        Assert.Equal(id, taken.ConversationId);
        Assert.Contains(taken.Messages, m => m.Kind == "transferred" && m.Text == "Hen skriver hellre på arabiska.");
        Assert.Equal("Name of amal", (await youth.Next("joined")).Name);
        (await youth.Send("شكرا")).Value();
        Assert.Equal("شكرا", (await amal.Next("text")).Text);
    }

    [Fact]
    public async Task ATransferToANamedColleagueIsOfferedToThemFirst()
    {
        var (youth, ulla, id) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = ulla;
        await using var amal = await Counsellor.SignIn(_app, "amal");
        await using var bertil = await Counsellor.SignIn(_app, "bertil");
        (await bertil.GoOnDuty(1)).Value();

        (await ulla.Transfer(id, "amal", null)).Refused("colleague-not-on-duty");
        (await amal.GoOnDuty(1)).Value();
        Assert.Equal(["amal", "bertil"], (await ulla.Colleagues()).Value().Select(c => c.UserName));
        (await ulla.Transfer(id, "amal", null)).Value();

        Assert.Equal("amal", (await bertil.QueueOf(1))[0].ForCounsellor);
        (await bertil.TakeNext()).Refused("nothing-waiting");
        Assert.Equal(id, (await amal.TakeNext()).Value().ConversationId);
    }

    [Fact]
    public async Task BadTransfersAreRefusedAndChangeNothing()
    {
        var (youth, ulla, id) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = ulla;
        await using var bertil = await Counsellor.SignIn(_app, "bertil");
        (await bertil.GoOnDuty(1)).Value();

        (await ulla.Transfer(id, null, null)).Refused("invalid-transfer");
        (await ulla.Transfer(id, "bertil", "language:ar")).Refused("invalid-transfer");
        (await ulla.Transfer(id, "ulla", null)).Refused("invalid-transfer");
        (await ulla.Transfer(id, null, "language:xx")).Refused("invalid-skill");
        (await ulla.Transfer(id, null, "cooking")).Refused("invalid-skill");
        (await ulla.Transfer(id, "no such user!", null)).Refused("invalid-user-name");
        (await ulla.Transfer(id, null, "language:ar", new string('x', 301))).Refused("note-too-long");
        (await bertil.Transfer(id, "ulla", null)).Refused("not-your-conversation");

        (await youth.Send("fortfarande här")).Value();
        Assert.Equal("fortfarande här", (await ulla.Next("text")).Text);
        Assert.Equal("active", Assert.Single((await ulla.Snapshot()).Value().Chats).State);
    }
}
