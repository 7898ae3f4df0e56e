using Chat.Server.Conversations;
using Chat.Server.Opening;
using Chat.Server.Queue;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Integration;

// Starting a chat against the chat's hours, on an app whose clock the test moves. Monday 23 November 2026,
// 17:59 in Stockholm (16:59 UTC); the chat is open on Mondays 18:00–21:00.
public sealed class OpeningStartTests : ChatTest
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 16, 59, 0, TimeSpan.Zero));

    public OpeningStartTests() => App = new ChatApp(RedisServer.Shared.Endpoint) { Clock = _clock };

    private static async Task MondayEvenings(WebApplicationFactory<Program> app) =>
        await app.Services.GetRequiredService<OpeningStore>().Save(
            OpeningHoursPageTests.Hours(["18:00–21:00", "", "", "", "", "", ""]), "kim").Within(ChatApp.Timeout, "save hours");

    private async Task<Youth> Connect(WebApplicationFactory<Program> app) => Own(new Youth(await app.ConnectAsync("/hubs/youth")));

    [Fact]
    public async Task StartIsRefusedAMinuteBeforeOpeningAndAllowedAtOpening()
    {
        var app = App;
        await MondayEvenings(app);
        var youth = await Connect(app);

        (await youth.Start("something-else")).Refused("chat-closed");
        Assert.Equal(0, await app.Services.GetRequiredService<WaitingRoom>().Position("none") ?? 0);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var state = (await youth.Start("something-else")).Value();
        Assert.Equal("waiting", state.State);
        Assert.Equal(1, state.Position);
    }

    [Fact]
    public async Task WhoeverWaitsAtClosingIsStillTakenAndChatsButNobodyNewStarts()
    {
        _clock.Advance(TimeSpan.FromHours(3)); // 20:59
        var app = App;
        await MondayEvenings(app);
        var waiting = await Connect(app);
        var token = (await waiting.Start()).Value().Token;

        _clock.Advance(TimeSpan.FromMinutes(2)); // 21:01: closed
        (await (await Connect(app)).Start()).Refused("chat-closed");

        var services = app.Services;
        await services.GetRequiredService<StaffAccounts>().Create("ulla", "Ulla", ChatApp.Password, [StaffRoles.Counsellor]);
        await services.GetRequiredService<DutyRoster>().GoOnDuty("ulla", 1);
        var id = (await services.GetRequiredService<ConversationStore>().FindByToken(token!))!;
        await services.GetRequiredService<WaitingRoom>().Take(id, "ulla", "Ulla").Within(ChatApp.Timeout, "take");
        (await waiting.Send("hej")).Value();

        // A reload after closing picks the same chat up again.
        var reloaded = await Connect(app);
        Assert.Equal("active", (await reloaded.Resume(token, takeOver: true)).Value().State);
    }

    [Fact]
    public async Task WithNoHoursSetAChatStartsAtAnyHourAsBefore()
    {
        _clock.Advance(TimeSpan.FromHours(10)); // 03:59 at night
        var youth = await Connect(App);
        Assert.Equal("waiting", (await youth.Start()).Value().State);
    }
}
