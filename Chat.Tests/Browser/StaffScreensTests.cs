using Chat.Client.Texts;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// Every staff page, in each language the staff pages speak (Languages:Staff: Swedish, or English), at a phone's and a
// desktop's size (Support/Screens): the counsellor's console with a young person who writes in Arabic, then the
// wrap-up; the coordinators' and admins' pages; the first-run setup, sign-in and password pages. Each page is
// checked with axe as it is taken. The staff pages are not offered in Arabic (docs/architecture.md, Languages).
public abstract class StaffScreensTests(string staffLanguage) : BrowserTest(new Dictionary<string, string?>
{
    ["QuickExit:Url"] = "/healthz",
    ["Languages:Staff"] = staffLanguage,
})
{
    [Fact]
    public async Task EveryStaffPageFitsADeskAndAxeFindsNothing()
    {
        await App.Seeded();
        Assert.Equal(staffLanguage, App.Get<TextCatalog>().Staff.Code);
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var first = await desk.NewPageAsync();
        var firstProblems = new PageProblems(first);
        // Before any account exists: the first admin's setup, then the sign-in form.
        await first.GotoAsync("/staff/setup");
        await Expect(first.Locator("#setup-form")).ToBeVisibleAsync();
        await Shoot(first, "setup");
        await App.CreateStaff("ulla");
        await first.GotoAsync("/staff/signin");
        await Shoot(first, "signin");
        firstProblems.AssertNone();

        await Console(desk);
        await CoordinatorsPages();
    }

    // A counsellor on duty with a chat from a young person who picked Arabic, and the wrap-up once it ends.
    private async Task Console(IBrowserContext desk)
    {
        var (console, consoleProblems) = await SignedIn(desk, "ulla", "/staff");
        await Expect(console.Locator("#go-on-duty")).ToBeEnabledAsync();
        await console.ClickAsync("#go-on-duty");
        await Expect(console.Locator("#go-off-duty")).ToBeEnabledAsync();
        await Shoot(console, "console-on-duty");

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.ClickAsync("#language-picker [data-language=ar]");
        await phone.SelectOptionAsync("#topic", "worried-about-friend");
        await phone.ClickAsync("#start-chat");
        await Expect(console.Locator("#queue .waiting-chat button.take")).ToBeVisibleAsync();
        await Shoot(console, "console-queue");

        await console.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", "مرحبًا، صديقي أخبرني بشيء صعب.");
        await phone.ClickAsync("#send");
        var panel = console.Locator(".staff-chat");
        await Expect(panel.Locator(".messages .msg-youth")).ToContainTextAsync("صديقي");
        await panel.Locator("textarea.message-input").FillAsync(staffLanguage == "sv" ? "Hej! Jag hämtar en tolk, vänta lite." : "Hi! I'm getting an interpreter, please wait.");
        await panel.Locator("button.send").ClickAsync();
        await Expect(phone.Locator("#messages .msg-counsellor")).ToBeVisibleAsync();
        await Shoot(console, "console");

        await phone.ClickAsync("#end-chat");
        await phone.ClickAsync("#end-confirm-yes");
        await Expect(panel.Locator("form.wrap-up")).ToBeVisibleAsync();
        var staff = App.Get<TextCatalog>().Staff;
        await Expect(console.Locator("#chat-tabs [role=tab]"))
            .ToHaveTextAsync(staff.Format("console.tabs.ended", ("topic", staff["vocab.topic.worried-about-friend"])));
        await Shoot(console, "console-wrap-up");
        consoleProblems.AssertNone();
        phoneProblems.AssertNone();
    }

    // Everything an admin who also coordinates can open, from the dashboard to their own password.
    private async Task CoordinatorsPages()
    {
        await App.CreateStaff("ada", StaffRoles.Admin, StaffRoles.Coordinator);
        await using var office = await Chromium.NewDesktopContextAsync(Base);
        var (page, problems) = await SignedIn(office, "ada", "/staff/dashboard");
        await Shoot(page, "dashboard");
        foreach (var (path, name) in Pages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await Shoot(page, name);
        }
        problems.AssertNone();
    }

    private static readonly (string Path, string Name)[] Pages =
    [
        ("/staff/pages", "pages"),
        ("/staff/pages/sv/i-fara-nu", "page-editor"),
        ("/staff/pages/sv/i-fara-nu/history", "page-history"),
        ("/staff/directory", "directory"),
        ("/staff/directory/stodcentrum", "directory-service"),
        ("/staff/directory/new", "directory-new"),
        ("/staff/directory/stodcentrum/remove", "directory-remove"),
        ("/staff/hours", "hours"),
        ("/staff/quick-replies", "quick-replies"),
        ("/staff/stats", "stats"),
        ("/staff/accounts", "accounts"),
        ("/staff/accounts/new", "accounts-new"),
        ("/staff/audit", "audit"),
        ("/staff/password", "password"),
    ];

    private Task Shoot(IPage page, string name) => Screens.Shoot(page, staffLanguage, $"staff-{name}", desk: true);
}

public sealed class SwedishStaffScreensTests() : StaffScreensTests("sv");

public sealed class EnglishStaffScreensTests() : StaffScreensTests("en");
