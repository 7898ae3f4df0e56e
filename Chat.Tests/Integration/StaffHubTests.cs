using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

public sealed class StaffHubTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync()
    {
        foreach (var youth in _youths) await youth.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheStaffHubRefusesAnonymousConnections()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => _app.ConnectAsync("/hubs/staff"));
        Assert.Contains("401", error.ToString());
    }

    [Fact]
    public async Task AnAdminMayConnectButNotSitAtADesk()
    {
        await _app.CreateStaff("adminonly", StaffRoles.Admin);
        await using var admin = await Counsellor.Connect(_app, await _app.SignIn("adminonly"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => admin.Snapshot());
        Assert.Contains("unauthorized", error.Message);
    }

    [Fact]
    public async Task AForgedCookieIsRefused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Counsellor.Connect(_app, "chat.staff=CfDJ8forged"));
        Assert.Contains("401", error.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(50)]
    [InlineData(-1)]
    public async Task CapacityIsOneToThree(int capacity)
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.GoOnDuty(capacity)).Refused("invalid-capacity");
        Assert.False((await counsellor.Snapshot()).Value().Duty.OnDuty);
    }

    [Theory]
    [InlineData(null, "invalid-conversation-id")]
    [InlineData("", "invalid-conversation-id")]
    [InlineData("*", "invalid-conversation-id")]
    [InlineData("0123456789ABCDEF01234567", "invalid-conversation-id")]
    [InlineData("0123456789abcdef01234567", "unknown-conversation")]
    public async Task UnknownConversationsAreRefusedEverywhere(string? id, string code)
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        (await counsellor.Take(id)).Refused(code);
        (await counsellor.Send(id, "hej")).Refused(code);
        (await counsellor.SetTyping(id, true)).Refused(code);
        (await counsellor.End(id)).Refused(code);
        (await counsellor.WrapUp(id, null, null, "support-given")).Refused(code);
    }

    [Fact]
    public async Task TakingRequiresBeingOnDutyAndRespectsCapacity()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        var ids = await Waiting(2);

        (await counsellor.Take(ids[0])).Refused("not-on-duty");
        (await counsellor.GoOnDuty(1)).Value();
        (await counsellor.Take(ids[0])).Value();
        (await counsellor.Take(ids[1])).Refused("at-capacity");
        Assert.Single((await counsellor.Snapshot()).Value().Waiting);
    }

    [Fact]
    public async Task AChatTakenByOneCounsellorCannotBeTakenOrUsedByAnother()
    {
        await using var ulla = await Counsellor.SignIn(_app, "ulla");
        await using var bertil = await Counsellor.SignIn(_app, "bertil");
        (await ulla.GoOnDuty(1)).Value();
        (await bertil.GoOnDuty(1)).Value();
        var id = (await Waiting(1))[0];

        (await ulla.Take(id)).Value();
        (await bertil.Take(id)).Refused("already-taken");
        (await bertil.Send(id, "hej")).Refused("not-your-conversation");
        (await bertil.SetTyping(id, true)).Refused("not-your-conversation");
        (await bertil.End(id)).Refused("not-your-conversation");
        Assert.Empty((await bertil.Snapshot()).Value().Chats);
        Assert.Equal(0, (await bertil.Snapshot()).Value().Duty.Active);
    }

    [Fact]
    public async Task GoingOffDutyWithOpenChatsIsRefused()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.GoOnDuty(2)).Value();
        var id = (await Waiting(1))[0];
        (await counsellor.Take(id)).Value();

        (await counsellor.GoOffDuty()).Refused("chats-open");
        Assert.True((await counsellor.Snapshot()).Value().Duty.OnDuty);
        (await counsellor.End(id)).Value();
        Assert.False((await counsellor.GoOffDuty()).Value().OnDuty);
    }

    [Fact]
    public async Task WrapUpComesAfterTheEndOnceWithKnownCodes()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        var id = (await Waiting(1))[0];
        (await counsellor.Take(id)).Value();

        (await counsellor.WrapUp(id, null, null, "support-given")).Refused("not-ended");
        (await counsellor.End(id)).Value();
        (await counsellor.WrapUp(id, null, null, null)).Refused("invalid-outcome");
        (await counsellor.WrapUp(id, null, null, "made-up")).Refused("invalid-outcome");
        (await counsellor.WrapUp(id, "nope", null, "support-given")).Refused("invalid-topic");
        (await counsellor.WrapUp(id, null, "99", "support-given")).Refused("invalid-age-band");
        (await counsellor.WrapUp(id, null, null, "youth-left")).Value();
        (await counsellor.WrapUp(id, null, null, "youth-left")).Refused("already-wrapped-up");
        Assert.Empty((await counsellor.Snapshot()).Value().Chats);
    }

    [Fact]
    public async Task ACounsellorsChatsFollowThemToANewConnection()
    {
        await _app.CreateStaff("ulla");
        var cookie = await _app.SignIn("ulla");
        await using (var first = await Counsellor.Connect(_app, cookie))
        {
            (await first.GoOnDuty(1)).Value();
            (await first.Take((await Waiting(1))[0])).Value();
        }
        await using var second = await Counsellor.Connect(_app, cookie);
        var state = (await second.Snapshot()).Value();
        Assert.Equal(new DutyStatus(true, 1, 1), state.Duty);
        Assert.Equal("joined", Assert.Single(Assert.Single(state.Chats).Messages).Kind);
    }

    private readonly List<Youth> _youths = [];

    private async Task<IReadOnlyList<string>> Waiting(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var youth = await Youth.Connect(_app);
            _youths.Add(youth);
            (await youth.Start()).Value();
        }
        await using var observer = await Counsellor.SignIn(_app, $"observer{Guid.NewGuid():N}"[..20]);
        return (await observer.Snapshot()).Value().Waiting.Select(w => w.ConversationId).ToList();
    }
}
