using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// Help pages inside the chat page: a young person on a phone reads while waiting without losing their place,
// and opens a page the counsellor sent. Quick exit leaves for a page of our own: the test machine reaches no other site.
public sealed class HelpInChatJourneyTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
    [Fact]
    public async Task AYoungPersonReadsWhileWaitingKeepsTheirPlaceAndOpensAPageTheCounsellorSent()
    {
        await App.Seeded();
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (counsellor, counsellorProblems) = await SignedInConsole(desk, "ulla");
        await counsellor.ClickAsync("#go-on-duty");
        await Expect(counsellor.Locator("#duty-status")).ToContainTextAsync("I tjänst");
        // Someone is ahead in the queue, so the place can move while the young person reads.
        await using var ahead = await Youth.Connect(App);
        (await ahead.Start()).Value();

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        var chatUrl = phone.Url;
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#queue-position")).ToHaveTextAsync("Du är nummer 2 i kön.");
        await phone.SaveScreenshotAsync("1-waiting");

        await phone.Locator("#waiting a", new() { HasText = "Medan du väntar" }).ClickAsync();
        var reader = phone.Locator("#reader");
        var heading = reader.Locator(".help-article h1");
        await Expect(heading).ToHaveTextAsync("Medan du väntar");
        await Expect(heading).ToBeFocusedAsync();
        await Expect(phone.Locator("#waiting")).ToBeHiddenAsync();
        await Expect(phone.Locator("#reader-queue")).ToHaveTextAsync("Du är nummer 2 i kön.");
        await Expect(phone.Locator("#queue-position")).ToHaveTextAsync("Du är nummer 2 i kön.");
        await Expect(reader.Locator(".help-article a[href='tel:112']").First).ToBeVisibleAsync();
        await Expect(reader.Locator("button[data-danger]")).ToBeVisibleAsync();
        await NothingOverflowsSideways(phone);
        await phone.SaveScreenshotAsync("2-reading");

        // A link to another page inside the article opens in the reader too.
        await reader.Locator(".help-article a[href='/sv/integritet']").ClickAsync();
        await Expect(heading).ToHaveTextAsync("Det här sparar vi");

        // Still live while reading: the person ahead leaves and the place moves up.
        (await ahead.End()).Value();
        await Expect(phone.Locator("#reader-queue")).ToHaveTextAsync("Du är först i kön.");
        await Expect(phone.Locator("#queue-position")).ToHaveTextAsync("Du är först i kön.");

        // The counsellor takes the chat while they read: they are told, and stay where they are.
        await counsellor.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(phone.Locator("#reader-news")).ToContainTextAsync("Name of ulla har anslutit");
        await Expect(phone.Locator("#reader-badge")).ToBeVisibleAsync();
        await Expect(heading).ToHaveTextAsync("Det här sparar vi");
        await Expect(phone.Locator("#reader-queue")).ToBeHiddenAsync();
        await phone.SaveScreenshotAsync("3-told-while-reading");

        await phone.ClickAsync("#reader-back");
        await Expect(reader).ToBeHiddenAsync();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await Expect(phone.Locator("#messages .msg-system")).ToContainTextAsync("Name of ulla har anslutit");
        await phone.FillAsync("#message-input", "Jag läste medan jag väntade");
        await phone.ClickAsync("#send");
        var panel = counsellor.Locator(".staff-chat");
        await Expect(panel.Locator(".messages .msg-youth")).ToContainTextAsync("Jag läste medan jag väntade");

        // The counsellor sends a page; both see it as a card with its title.
        await panel.Locator(".page-tools summary").ClickAsync();
        await panel.Locator("select.page-choice").SelectOptionAsync("sv/i-fara-nu");
        await counsellor.SaveScreenshotAsync("4-send-page");
        await panel.Locator("button.send-page").ClickAsync();
        await Expect(panel.Locator(".messages .msg-page .msg-page-title")).ToHaveTextAsync("Om du är i fara nu");
        var card = phone.Locator("#messages .msg-page");
        await Expect(card.Locator(".msg-page-title")).ToHaveTextAsync("Om du är i fara nu");
        await Expect(card.Locator(".msg-author")).ToHaveTextAsync("Name of ulla skickade en hjälpsida");
        var read = card.Locator("a.msg-page-read");
        await Expect(read).ToHaveAttributeAsync("href", "/sv/i-fara-nu");
        await phone.SaveScreenshotAsync("5-card");

        await read.ClickAsync();
        await Expect(heading).ToHaveTextAsync("Om du är i fara nu");
        await Expect(heading).ToBeFocusedAsync();
        await Expect(reader.Locator(".help-article a[href='tel:112']").First).ToBeVisibleAsync();
        await phone.SaveScreenshotAsync("6-reading-the-sent-page");
        await phone.ClickAsync("#reader-back-end");
        await Expect(reader).ToBeHiddenAsync();
        await Expect(read).ToBeFocusedAsync();
        await Expect(phone.Locator("#message-input")).ToBeVisibleAsync();

        Assert.Equal(chatUrl, phone.Url); // the page never navigated
        await NothingOverflowsSideways(phone);
        phoneProblems.AssertNone();
        counsellorProblems.AssertNone();
    }

    [Fact]
    public async Task QuickExitLeavesFromTheReaderAndEndsTheWait()
    {
        await App.Seeded();
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await phone.Locator("#waiting a", new() { HasText = "Om du är i fara nu" }).ClickAsync();
        await Expect(phone.Locator("#reader .help-article h1")).ToHaveTextAsync("Om du är i fara nu");

        await phone.ClickAsync("#quick-exit");

        await phone.WaitForURLAsync(new Uri(Base, "/healthz").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        Assert.Null(await phone.EvaluateAsync<string?>("sessionStorage.getItem('chat.token')"));
        await phone.GoBackAsync();
        Assert.NotEqual(new Uri(Base, "/").ToString(), phone.Url);
        await using var observer = await Counsellor.SignIn(App, "observer");
        await HubEvents.Eventually(async () => (await observer.Snapshot()).Value().Waiting.Count == 0, "the young person leaving the queue");
    }

    // Works on a 390px phone: nothing is wider than the screen.
    private static async Task NothingOverflowsSideways(IPage phone) =>
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
}
