using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// The real journey in headless Chromium: a young person on a phone, a counsellor at a desk.
// Quick exit leaves for a page of our own here: the test machine reaches no other site.
public sealed class ConversationJourneyTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
    [Fact]
    public async Task AYoungPersonOnAPhoneAndACounsellorHoldAWholeConversation()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (staff, staffProblems) = await SignedInConsole(desk, "ulla");
        await staff.SelectOptionAsync("#capacity", "2");
        await staff.ClickAsync("#go-on-duty");
        await Expect(staff.Locator("#duty-status")).ToContainTextAsync("I tjänst");

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.SelectOptionAsync("#topic", "worried-about-friend");
        await phone.SelectOptionAsync("#age-band", "13-15");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#queue-position")).ToContainTextAsync("först");
        await phone.SaveScreenshotAsync("1-waiting");

        var waiting = staff.Locator("#queue .waiting-chat");
        await Expect(waiting).ToHaveCountAsync(1);
        await staff.SaveScreenshotAsync("2-queue");
        await waiting.Locator("button.take").ClickAsync();

        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await Expect(phone.Locator("#messages .msg-system")).ToContainTextAsync("Name of ulla");
        await phone.FillAsync("#message-input", "Min kompis berättade något <b>jobbigt</b>");
        await phone.ClickAsync("#send");

        var panel = staff.Locator(".staff-chat");
        var fromYouth = panel.Locator(".messages .msg-youth");
        await Expect(fromYouth).ToContainTextAsync("Min kompis berättade något <b>jobbigt</b>");
        Assert.Equal(0, await fromYouth.Locator("b").CountAsync()); // shown as text, never as markup

        await panel.Locator("textarea.message-input").FillAsync("Vad bra att du skriver. Vill du berätta mer?");
        await phone.Locator("#message-input").FocusAsync();
        await panel.Locator("button.send").ClickAsync();
        await Expect(phone.Locator("#messages .msg-counsellor")).ToContainTextAsync("Vill du berätta mer?");

        await phone.Locator("#message-input").PressSequentiallyAsync("jag");
        await Expect(panel.Locator(".typing-indicator")).ToBeVisibleAsync();
        await phone.SaveScreenshotAsync("3-chat-phone");
        await staff.SaveScreenshotAsync("3-chat-desk");

        await panel.Locator("button.end-chat").ClickAsync();
        await ConfirmIfAsked(panel);
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await phone.ClickAsync("#rating button[data-rating='5']");
        await Expect(phone.Locator("#rating-thanks")).ToBeVisibleAsync();
        await phone.SaveScreenshotAsync("4-ended");

        var wrapUp = panel.Locator("form.wrap-up");
        await wrapUp.Locator("select[name=outcome]").SelectOptionAsync("support-given");
        await wrapUp.Locator("button[type=submit]").ClickAsync();
        await Expect(panel.Locator(".wrapped-up")).ToBeVisibleAsync();
        await staff.SaveScreenshotAsync("5-wrapped-up");
        phoneProblems.AssertNone();
        staffProblems.AssertNone();
    }

    [Fact]
    public async Task QuickExitLeavesAtOnceAndBackDoesNotReturnToTheChat()
    {
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        Assert.NotNull(await phone.EvaluateAsync<string?>("sessionStorage.getItem('chat.token')"));

        await phone.ClickAsync("#quick-exit");
        await phone.WaitForURLAsync(new Uri(Base, "/healthz").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        Assert.Null(await phone.EvaluateAsync<string?>("sessionStorage.getItem('chat.token')"));

        await phone.GoBackAsync();
        Assert.NotEqual(new Uri(Base, "/").ToString(), phone.Url);
        await using var observer = await Counsellor.SignIn(App, "observer");
        await HubEvents.Eventually(async () => (await observer.Snapshot()).Value().Waiting.Count == 0, "the young person left the queue");
    }

    private static async Task ConfirmIfAsked(ILocator panel)
    {
        var confirm = panel.Locator(".end-confirm-yes");
        if (await confirm.CountAsync() > 0 && await confirm.IsVisibleAsync()) await confirm.ClickAsync();
    }
}
