using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A coordinator watches the dashboard change while a young person waits and is taken, follows the chat silently
// and ends it.
public sealed class DashboardJourneyTests() : BrowserTest(new Dictionary<string, string?> { ["Dashboard:RefreshEvery"] = "00:00:00.3" })
{
    [Fact]
    public async Task ACoordinatorWatchesAYoungPersonWaitAndBeTakenThenFollowsAndEndsTheChat()
    {
        await using var counsellorDesk = await Chromium.NewDesktopContextAsync(Base);
        var (console, consoleProblems) = await SignedInConsole(counsellorDesk, "ulla");
        await console.ClickAsync("#go-on-duty");
        await Expect(console.Locator("#duty-status")).ToContainTextAsync("I tjänst");

        await App.CreateStaff("cora", StaffRoles.Coordinator);
        await using var coordinatorDesk = await Chromium.NewDesktopContextAsync(Base);
        // Where a coordinator lands after signing in.
        var (dashboard, dashboardProblems) = await SignedIn(coordinatorDesk, "cora", "/staff/dashboard");
        await Expect(dashboard.Locator("#fig-on-duty")).ToHaveTextAsync("1");
        await Expect(dashboard.Locator("#fig-waiting")).ToHaveTextAsync("0");
        await Expect(dashboard.Locator("#chats-empty")).ToBeVisibleAsync();

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();

        await Expect(dashboard.Locator("#fig-waiting")).ToHaveTextAsync("1");
        await Expect(dashboard.Locator("#fig-longest")).ToHaveTextAsync("under en minut");
        await dashboard.SaveScreenshotAsync("1-waiting");

        await console.ClickAsync("#take-next");
        await Expect(dashboard.Locator("#fig-waiting")).ToHaveTextAsync("0");
        await Expect(dashboard.Locator("#fig-chats")).ToHaveTextAsync("1");
        await Expect(dashboard.Locator("#chat-rows .chat-holder")).ToHaveTextAsync("Name of ulla");
        await Expect(dashboard.Locator("#fig-longest")).ToHaveTextAsync("–");

        await dashboard.ClickAsync("#chat-rows .follow");
        await Expect(dashboard.Locator("#observed")).ToBeVisibleAsync();
        await Expect(console.Locator(".staff-chat .observer-badge")).ToContainTextAsync("Name of cora");
        await phone.FillAsync("#message-input", "hej, är någon där?");
        await phone.ClickAsync("#send");
        await Expect(dashboard.Locator("#observed-messages")).ToContainTextAsync("hej, är någon där?");
        // Spoken as one line; the list itself is no live region (following does not read the history out).
        await Expect(dashboard.Locator("#observed-announcer")).ToHaveTextAsync("Den unga: hej, är någon där?");
        Assert.Null(await dashboard.Locator("#observed-messages").GetAttributeAsync("aria-live"));
        await Expect(phone.Locator("#messages")).Not.ToContainTextAsync("cora");
        await dashboard.SaveScreenshotAsync("2-following");

        dashboard.Dialog += (_, dialog) => dialog.AcceptAsync();
        await dashboard.ClickAsync("#chat-rows .end");
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await Expect(dashboard.Locator("#fig-chats")).ToHaveTextAsync("0");
        await Expect(dashboard.Locator("#observed-ended")).ToBeVisibleAsync();
        await Expect(console.Locator(".staff-chat .wrap-up")).ToBeVisibleAsync();
        consoleProblems.AssertNone();
        dashboardProblems.AssertNone();
    }
}
