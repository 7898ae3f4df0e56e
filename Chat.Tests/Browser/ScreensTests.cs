using Chat.Server.Opening;
using Chat.Tests.Integration;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// Every page a young person sees, in every state, in Swedish, English and Arabic, at a phone's size (390×844) and
// a desktop's (1280×800): each fits the screen's width in its language's direction, and axe finds nothing in it
// (Support/Screens). ops/screens.sh writes the pictures into docs/screens/; StaffScreensTests takes the staff pages.
public sealed class ScreensTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
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
        await Screens.Shoot(phone, language, "1-start");

        await phone.SelectOptionAsync("#topic", "worried-about-friend");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        await Screens.Shoot(phone, language, "2-waiting");

        await console.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", Greeting[language]);
        await phone.ClickAsync("#send");
        var panel = console.Locator(".staff-chat");
        await Expect(panel.Locator(".messages .msg-youth")).ToContainTextAsync(Greeting[language]);
        await panel.Locator("textarea.message-input").FillAsync("Hej! Vad fint att du skriver. Berätta i din egen takt.");
        await panel.Locator("button.send").ClickAsync();
        await Expect(phone.Locator("#messages .msg-counsellor")).ToBeVisibleAsync();
        await Screens.Shoot(phone, language, "3-chat");

        await phone.ClickAsync("#end-chat");
        await phone.ClickAsync("#end-confirm-yes");
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await Screens.Shoot(phone, language, "4-ended");

        await phone.GotoAsync($"/{language}/i-fara-nu");
        await Screens.Shoot(phone, language, "5-help-page");
        await phone.GotoAsync($"/{language}");
        await Screens.Shoot(phone, language, "6-help-index");

        // Closed: a new tab (the old one would come back to its ended chat), where the language is picked again.
        await App.Get<OpeningStore>().Save(OpeningHoursPageTests.Hours(["", "", "", "", "", "", ""]), "kim");
        var later = await phoneContext.NewPageAsync();
        await later.GotoAsync("/");
        await Expect(later.Locator("#closed")).ToBeVisibleAsync();
        if (language != "sv") await later.ClickAsync($"#language-picker [data-language={language}]");
        await Expect(later.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Screens.Shoot(later, language, "7-closed");
        problems.AssertNone();
        consoleProblems.AssertNone();
    }

    private static readonly Dictionary<string, string> Greeting = new()
    {
        ["sv"] = "Hej, min kompis berättade något jobbigt.",
        ["en"] = "Hi, my friend told me something hard.",
        ["ar"] = "مرحبًا، صديقي أخبرني بشيء صعب.",
    };
}
