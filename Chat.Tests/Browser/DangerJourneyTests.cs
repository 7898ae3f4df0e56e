using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// "Jag är i fara just nu" in headless Chromium: 112 at once on the phone, the alert on the console.
public sealed class DangerJourneyTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();
    private Uri _base = null!;

    public Task InitializeAsync()
    {
        _base = _app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PressingDangerShows112AtOnceAndAlertsTheConsole()
    {
        await _app.CreateStaff("ulla");
        await using var desk = await Chromium.NewDesktopContextAsync(_base);
        var staff = await desk.NewPageAsync();
        await staff.GotoAsync("/staff/signin");
        await staff.FillAsync("#userName", "ulla");
        await staff.FillAsync("#password", ChatApp.Password);
        await staff.ClickAsync("#signin-form button[type=submit]");
        await staff.WaitForURLAsync(new Uri(_base, "/staff").ToString());
        await staff.ClickAsync("#go-on-duty");
        await Expect(staff.Locator("#duty-status")).ToContainTextAsync("I tjänst");

        await using var phoneContext = await Chromium.NewPhoneContextAsync(_base);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        await Expect(staff.Locator("#queue .waiting-chat")).ToHaveCountAsync(1);
        await Expect(phone.Locator("#queue-estimate")).ToHaveTextAsync("Beräknad väntetid: strax.");

        await phone.Locator("#waiting [data-danger]").ClickAsync();
        await Expect(phone.Locator("#emergency")).ToBeVisibleAsync();
        await Expect(phone.Locator("#emergency a[href='tel:112']")).ToBeVisibleAsync();
        await Expect(phone.Locator("#danger-status")).ToContainTextAsync("Vi har sagt till kuratorerna");
        await phone.SaveScreenshotAsync("1-phone");

        await Expect(staff.Locator("#danger-alert")).ToContainTextAsync("i kön");
        await Expect(staff.Locator("#queue .waiting-chat.is-danger")).ToHaveCountAsync(1);
        await staff.SaveScreenshotAsync("2-console");

        await staff.ClickAsync("#take-next");
        await Expect(staff.Locator(".staff-chat.is-danger .danger-badge")).ToBeVisibleAsync();
        await Expect(phone.Locator("#chat [data-danger]")).ToBeVisibleAsync();
        await Expect(phone.Locator("#emergency")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The112NoticeDoesNotWaitForTheServer()
    {
        await using var phoneContext = await Chromium.NewPhoneContextAsync(_base);
        var phone = await phoneContext.NewPageAsync();
        // Every frame passes to the server except the Danger call, which is swallowed: its answer never comes.
        var swallowed = 0;
        await phone.RouteWebSocketAsync("**/hubs/youth**", route =>
        {
            var server = route.ConnectToServer();
            route.OnMessage(frame =>
            {
                if (frame.Text is not { } text) return;
                if (text.Contains("\"target\":\"Danger\"")) Interlocked.Increment(ref swallowed);
                else server.Send(text);
            });
        });
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        await Expect(phone.Locator("#queue-estimate")).ToContainTextAsync("Just nu kan vi inte säga"); // nobody on duty

        await phone.Locator("#waiting [data-danger]").ClickAsync();
        await Expect(phone.Locator("#emergency a[href='tel:112']")).ToBeVisibleAsync();
        await Expect(phone.Locator("#danger-status")).ToContainTextAsync("Vi säger till kuratorerna");
        await phone.WaitForTimeoutAsync(300);
        await Expect(phone.Locator("#danger-status")).ToContainTextAsync("Vi säger till kuratorerna");
        Assert.Equal(1, swallowed);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
