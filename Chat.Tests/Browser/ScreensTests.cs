using Chat.Server.Opening;
using Chat.Server.Staff;
using Chat.Tests.Integration;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// Every page a young person sees, in every state, in Swedish, English and Arabic, at a phone's size (390×844) and
// a desktop's (1280×800), and the staff pages at both sizes: each fits the screen's width in its language's
// direction, and axe finds nothing in it. The pictures go to TestResults/screens, or to CHAT_SCREENS_DIR:
// ops/screens.sh writes them into docs/screens/.
public sealed class ScreensTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("CHAT_SCREENS_DIR") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(Repository.Root, "TestResults", "screens");

    private static readonly (string Name, int Width, int Height)[] Sizes = [("phone", 390, 844), ("desktop", 1280, 800)];

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task EveryPageAYoungPersonSeesFitsTheScreenInTheirLanguage(string language)
    {
        await App.Seeded();
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (console, consoleProblems) = await SignedInConsole(desk, "ulla");
        await console.ClickAsync("#go-on-duty");
        await Expect(console.Locator("#duty-status")).ToContainTextAsync("I tjänst");

        await using var phoneContext = await Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }, Base);
        var phone = await phoneContext.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");
        if (language != "sv") await phone.ClickAsync($"#language-picker [data-language={language}]");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();
        await Shoot(phone, language, "1-start");

        await phone.SelectOptionAsync("#topic", "worried-about-friend");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        await Shoot(phone, language, "2-waiting");

        await console.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", Greeting[language]);
        await phone.ClickAsync("#send");
        var panel = console.Locator(".staff-chat");
        await Expect(panel.Locator(".messages .msg-youth")).ToContainTextAsync(Greeting[language]);
        await panel.Locator("textarea.message-input").FillAsync("Hej! Vad fint att du skriver. Berätta i din egen takt.");
        await panel.Locator("button.send").ClickAsync();
        await Expect(phone.Locator("#messages .msg-counsellor")).ToBeVisibleAsync();
        await Shoot(phone, language, "3-chat");
        if (language == "sv") await Shoot(console, language, "staff-console", desk: true);

        await phone.ClickAsync("#end-chat");
        await phone.ClickAsync("#end-confirm-yes");
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await Shoot(phone, language, "4-ended");

        await phone.GotoAsync($"/{language}/i-fara-nu");
        await Shoot(phone, language, "5-help-page");
        await phone.GotoAsync($"/{language}");
        await Shoot(phone, language, "6-help-index");

        // Closed: a new tab (the old one would come back to its ended chat), where the language is picked again.
        await App.Get<OpeningStore>().Save(OpeningHoursPageTests.Hours(["", "", "", "", "", "", ""]), "kim");
        var later = await phoneContext.NewPageAsync();
        await later.GotoAsync("/");
        await Expect(later.Locator("#closed")).ToBeVisibleAsync();
        if (language != "sv") await later.ClickAsync($"#language-picker [data-language={language}]");
        await Expect(later.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Shoot(later, language, "7-closed");
        problems.AssertNone();
        consoleProblems.AssertNone();
    }

    // The staff pages are in Swedish (their texts move to language files next): the coordinator's editor and the dashboard.
    [Fact]
    public async Task TheCoordinatorsPagesFitTheScreen()
    {
        await App.Seeded();
        await App.CreateStaff("cora", StaffRoles.Coordinator);
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (page, problems) = await SignedIn(desk, "cora", "/staff/dashboard");
        await Shoot(page, "sv", "staff-dashboard", desk: true);
        await page.GotoAsync("/staff/pages");
        await Shoot(page, "sv", "staff-pages", desk: true);
        await page.GotoAsync("/staff/pages/sv/i-fara-nu");
        await Shoot(page, "sv", "staff-page-editor", desk: true);
        problems.AssertNone();
    }

    private static readonly Dictionary<string, string> Greeting = new()
    {
        ["sv"] = "Hej, min kompis berättade något jobbigt.",
        ["en"] = "Hi, my friend told me something hard.",
        ["ar"] = "مرحبًا، صديقي أخبرني بشيء صعب.",
    };

    // At each size: the page is as wide as the screen (nothing to scroll sideways), axe finds nothing, and the
    // picture is written as <language>-<page>-<size>.png. desk: a page made for a desk (console, dashboard,
    // coordinators' pages), which may scroll sideways on a phone (docs/architecture.md, known limits).
    private static async Task Shoot(IPage page, string language, string name, bool desk = false)
    {
        Directory.CreateDirectory(Folder);
        var original = page.ViewportSize!;
        foreach (var (size, width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0 || (desk && size == "phone"), $"{language} {name} at {size} scrolls sideways by {overflow} px");
            await Axe.AssertNoViolations(page, $"{language} {name} at {size}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{language}-{name}-{size}.png") });
        }
        await page.SetViewportSizeAsync(original.Width, original.Height);
    }
}
