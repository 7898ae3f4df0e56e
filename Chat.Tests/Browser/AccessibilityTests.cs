using Chat.Server.Opening;
using Chat.Server.Staff;
using Chat.Tests.Integration;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// axe-core finds no WCAG 2.2 A/AA or best-practice violation on any page, in any state a person reaches it in.
// A new page or state belongs here: reach it as its journey test does, then Axe.AssertNoViolations.
public sealed class AccessibilityTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
    [Fact]
    public async Task EveryStateOfAChatHasNoViolationsOnThePhoneOrTheConsole()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (console, consoleProblems) = await SignedInConsole(desk, "ulla");
        await Axe.AssertNoViolations(console, "console, off duty");
        await console.ClickAsync("#go-on-duty");
        await Expect(console.Locator("#duty-status")).ToContainTextAsync("I tjänst");

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();
        await Axe.AssertNoViolations(phone, "landing");
        await phone.Keyboard.PressAsync("Escape");
        await Expect(phone.Locator("#quick-exit .quick-exit-key")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(phone, "landing, the way out focused with its key cap");
        await phone.Locator("#have-code summary").ClickAsync();
        await Axe.AssertNoViolations(phone, "landing, with the code field open");

        await phone.SelectOptionAsync("#topic", "worried-about-friend");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(phone, "waiting");

        var waiting = console.Locator("#queue .waiting-chat");
        await Expect(waiting).ToHaveCountAsync(1);
        await Axe.AssertNoViolations(console, "console, on duty with one waiting");
        await waiting.Locator("button.take").ClickAsync();

        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", "Min kompis berättade något jobbigt");
        await phone.ClickAsync("#send");
        var panel = console.Locator(".staff-chat");
        await Expect(panel.Locator(".messages .msg-youth")).ToContainTextAsync("jobbigt");
        await panel.Locator("textarea.message-input").FillAsync("Vad bra att du skriver.");
        await panel.Locator("button.send").ClickAsync();
        await Expect(phone.Locator("#messages .msg-counsellor")).ToContainTextAsync("Vad bra att du skriver.");
        await Axe.AssertNoViolations(phone, "chatting");
        await Axe.AssertNoViolations(console, "console, with a chat open");

        await App.CreateStaff("cora", StaffRoles.Coordinator);
        await using var coordinatorDesk = await Chromium.NewDesktopContextAsync(Base);
        var (dashboard, dashboardProblems) = await SignedIn(coordinatorDesk, "cora", "/staff/dashboard");
        await Expect(dashboard.Locator("#fig-chats")).ToHaveTextAsync("1");
        await Axe.AssertNoViolations(dashboard, "dashboard, with a chat in progress");
        await dashboard.ClickAsync("#chat-rows .follow");
        await Expect(dashboard.Locator("#observed-messages .msg-youth")).ToContainTextAsync("jobbigt");
        await Axe.AssertNoViolations(dashboard, "dashboard, following a chat");
        await Expect(console.Locator(".staff-chat .observer-badge")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(console, "console, followed by a coordinator");

        await phone.ClickAsync("#end-chat");
        await Expect(phone.Locator("#end-confirm")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(phone, "chatting, asked to confirm the end");
        await phone.ClickAsync("#end-confirm-yes");
        await Expect(phone.Locator("#rating")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(phone, "ended, with the rating form");
        await Expect(panel.Locator("form.wrap-up")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(console, "console, wrapping up an ended chat");
        await phone.ClickAsync("#rating button[data-rating='4']");
        await Expect(phone.Locator("#rating-thanks")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(phone, "ended, rated");
        phoneProblems.AssertNone();
        consoleProblems.AssertNone();
        dashboardProblems.AssertNone();
    }

    [Fact]
    public async Task TheClosedPageHasNoViolations()
    {
        await App.Get<OpeningStore>().Save(OpeningHoursPageTests.Hours(["", "", "", "", "", "", ""]), "kim");
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/");
        await Expect(phone.Locator("#closed")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(phone, "closed");
    }

    [Fact]
    public async Task HelpPagesHaveNoViolationsOnTheirOwnOrInTheChat()
    {
        await App.Seeded();
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var missing = await context.NewPageAsync();
        await missing.GotoAsync("/sv/finns-inte");
        await Axe.AssertNoViolations(missing, "a help page that does not exist (404)");
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        foreach (var path in new[] { "/sv", "/sv/i-fara-nu", "/en", "/en/i-fara-nu" })
        {
            await phone.GotoAsync(path);
            await Axe.AssertNoViolations(phone, $"help page {path}");
        }

        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await phone.Locator("#waiting a", new() { HasText = "Om du är i fara nu" }).ClickAsync();
        await Expect(phone.Locator("#reader .help-article h1")).ToHaveTextAsync("Om du är i fara nu");
        await Axe.AssertNoViolations(phone, "a help page in the reader, while waiting");
        problems.AssertNone();
    }

    [Fact]
    public async Task StaffPagesHaveNoViolations()
    {
        await App.Seeded();
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var signIn = await desk.NewPageAsync();
        await signIn.GotoAsync("/staff/signin");
        await Axe.AssertNoViolations(signIn, "sign-in");
        await signIn.CloseAsync();

        await App.CreateStaff("cora", StaffRoles.Coordinator, StaffRoles.Admin);
        var (page, problems) = await SignedIn(desk, "cora", "/staff/dashboard");
        await Expect(page.Locator("#fig-on-duty")).ToHaveTextAsync("0");
        await Axe.AssertNoViolations(page, "dashboard");
        foreach (var path in new[]
                 {
                     "/staff/stats", "/staff/pages", "/staff/pages/sv/i-fara-nu", "/staff/pages/sv/i-fara-nu/history",
                     "/staff/hours", "/staff/directory", "/staff/directory/new", "/staff/directory/stodcentrum", "/staff/accounts", "/staff/accounts/new",
                     "/staff/audit", "/staff/password",
                 })
        {
            await page.GotoAsync(path);
            await Axe.AssertNoViolations(page, path);
        }

        await page.GotoAsync("/staff/pages/sv/i-fara-nu");
        await page.ClickAsync("#preview-page");
        await Expect(page.Locator("#preview")).ToBeVisibleAsync();
        await Axe.AssertNoViolations(page, "help page editor with a preview");
        problems.AssertNone();
    }
}
