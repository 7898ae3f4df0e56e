using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A counsellor's long shift at the console: chats in tabs with unread counts, quick replies the coordinators keep,
// and the wrap-up done from the keyboard.
public sealed class ConsoleJourneyTests : BrowserTest
{
    [Fact]
    public async Task ACoordinatorAddsAQuickReplyAndACounsellorPutsItInTheMessageBoxEditsItAndSendsIt()
    {
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        await using var office = await Chromium.NewDesktopContextAsync(Base);
        var (coordinator, coordinatorProblems) = await SignedIn(office, "kim", "/staff/dashboard");
        await coordinator.ClickAsync("#nav-quick-replies");
        await coordinator.SelectOptionAsync("select[name=language0]", "sv");
        await coordinator.FillAsync("input[name=label0]", "Välkommen");
        await coordinator.FillAsync("textarea[name=text0]", "Hej! Vad bra att du hör av dig. <b>Berätta</b> gärna");
        await coordinator.ClickAsync("#save-quick-replies");
        await Expect(coordinator.Locator("#quick-replies-done")).ToBeVisibleAsync();

        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (staff, staffProblems) = await OnDuty(desk);
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var (phone, phoneProblems) = await TakenChat(staff, phoneContext);

        var panel = staff.Locator(".staff-chat");
        await panel.Locator(".quick-replies summary").ClickAsync();
        var reply = panel.Locator("button.quick-reply", new() { HasText = "Välkommen" });
        await reply.ClickAsync();
        var box = panel.Locator("textarea.message-input");
        await Expect(box).ToHaveValueAsync("Hej! Vad bra att du hör av dig. <b>Berätta</b> gärna");
        await Expect(box).ToBeFocusedAsync();
        // Only in the box: nothing reached the young person.
        Assert.Equal(0, await phone.Locator("#messages .msg-counsellor").CountAsync());

        await staff.Keyboard.TypeAsync(" om det som hänt.");
        await staff.Keyboard.PressAsync("Enter");
        var sent = phone.Locator("#messages .msg-counsellor");
        await Expect(sent).ToContainTextAsync("Hej! Vad bra att du hör av dig. <b>Berätta</b> gärna om det som hänt.");
        Assert.Equal(0, await sent.Locator("b").CountAsync());
        coordinatorProblems.AssertNone();
        staffProblems.AssertNone();
        phoneProblems.AssertNone();
    }

    [Fact]
    public async Task TwoChatsSitInTabsThatCountUnreadMessagesAndTheArrowKeysMoveBetweenThem()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        await using var firstContext = await Chromium.NewPhoneContextAsync(Base);
        await using var secondContext = await Chromium.NewPhoneContextAsync(Base);
        var (staff, staffProblems, first, firstProblems, second, secondProblems) = await TwoTakenChats(desk, firstContext, secondContext);

        var tabs = staff.Locator("#chat-tabs [role=tab]");
        await Expect(tabs).ToHaveCountAsync(2);
        var (firstTab, secondTab) = (tabs.Nth(0), tabs.Nth(1));
        // The chat just taken is in view; the other waits under its tab.
        await Expect(secondTab).ToHaveAttributeAsync("aria-selected", "true");
        var firstPanel = staff.Locator($"#{await firstTab.GetAttributeAsync("aria-controls")}");
        var secondPanel = staff.Locator($"#{await secondTab.GetAttributeAsync("aria-controls")}");
        await Expect(firstPanel).ToBeHiddenAsync();
        await Expect(secondPanel).ToBeVisibleAsync();

        await first.FillAsync("#message-input", "Är du kvar?");
        await first.ClickAsync("#send");
        await first.FillAsync("#message-input", "Hallå?");
        await first.ClickAsync("#send");
        await Expect(firstTab.Locator(".unread-badge")).ToHaveTextAsync("2");
        await Expect(firstTab).ToHaveAttributeAsync("aria-label", "En kompis har berättat något, 2 olästa");
        await second.FillAsync("#message-input", "Jag läser");
        await second.ClickAsync("#send");
        await Expect(secondPanel.Locator(".messages .msg-youth")).ToContainTextAsync("Jag läser");
        await Expect(secondTab.Locator(".unread-badge")).ToBeHiddenAsync();
        await staff.SaveScreenshotAsync("tabs-unread");

        await secondTab.FocusAsync();
        await staff.Keyboard.PressAsync("ArrowLeft");
        await Expect(firstTab).ToBeFocusedAsync();
        await Expect(firstTab).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(firstPanel).ToBeVisibleAsync();
        await Expect(secondPanel).ToBeHiddenAsync();
        await Expect(firstTab.Locator(".unread-badge")).ToBeHiddenAsync();
        await Expect(firstTab).ToHaveAttributeAsync("aria-label", "En kompis har berättat något");
        await staff.Keyboard.PressAsync("End");
        await Expect(secondTab).ToBeFocusedAsync();
        await Expect(secondPanel).ToBeVisibleAsync();

        // Side by side, both chats show; the second young person leaves while the counsellor writes in the first,
        // which keeps the focus; Alt+Shift+A reaches the wrap-up that waits.
        await staff.ClickAsync("#side-by-side");
        await Expect(staff.Locator("#side-by-side")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(firstPanel).ToBeVisibleAsync();
        await Expect(secondPanel).ToBeVisibleAsync();
        await firstPanel.Locator("textarea.message-input").FocusAsync();
        await Expect(firstTab).ToHaveAttributeAsync("aria-selected", "true");
        await second.ClickAsync("#end-chat");
        await second.ClickAsync("#end-confirm-yes");
        await Expect(secondPanel.Locator("form.wrap-up")).ToBeVisibleAsync();
        await Expect(secondTab).ToContainTextAsync("(avslutad)");
        await Expect(firstPanel.Locator("textarea.message-input")).ToBeFocusedAsync();
        await staff.SaveScreenshotAsync("side-by-side");
        await staff.Keyboard.PressAsync("Alt+Shift+A");
        await Expect(secondPanel.Locator("form.wrap-up select[name=topic]")).ToBeFocusedAsync();
        await Expect(secondTab).ToHaveAttributeAsync("aria-selected", "true");

        staffProblems.AssertNone();
        firstProblems.AssertNone();
        secondProblems.AssertNone();
    }

    // The console behind another window: Chromium's focus emulation (which makes every page look focused) is
    // switched off for it, so it is as unfocused as a desk window behind another; bringing it to the front is "seen".
    [Fact]
    public async Task BehindAnotherWindowTheTitleSaysSomeoneWaitsUntilTheConsoleIsSeenAgain()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (staff, staffProblems) = await OnDuty(desk);
        var title = await staff.TitleAsync();
        await (await desk.NewPageAsync()).BringToFrontAsync();
        var cdp = await desk.NewCDPSessionAsync(staff);
        await cdp.SendAsync("Emulation.setFocusEmulationEnabled", new Dictionary<string, object> { ["enabled"] = false });

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var (_, phoneProblems) = await StartedChat(phoneContext);
        await Assertions.Expect(staff).ToHaveTitleAsync("(1) Väntar – Konsol");

        // Seen: the page's own title, though the young person still waits (the queue says so on the page).
        await staff.BringToFrontAsync();
        await Assertions.Expect(staff).ToHaveTitleAsync(title);
        await Expect(staff.Locator("#queue .waiting-chat")).ToHaveCountAsync(1);
        staffProblems.AssertNone();
        phoneProblems.AssertNone();
    }

    [Fact]
    public async Task WhenAChatEndsTheWrapUpIsDoneWithTheKeyboardAlone()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (staff, staffProblems) = await OnDuty(desk);
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var (phone, phoneProblems) = await TakenChat(staff, phoneContext, "worried-about-friend");

        // From here on the counsellor uses only the keyboard.
        var panel = staff.Locator(".staff-chat");
        await Expect(panel.Locator("textarea.message-input")).ToBeFocusedAsync();
        await staff.Keyboard.TypeAsync("Hej, jag heter Ulla.");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#messages .msg-counsellor")).ToContainTextAsync("Hej, jag heter Ulla.");

        await phone.ClickAsync("#end-chat");
        await phone.ClickAsync("#end-confirm-yes");
        var wrapUp = panel.Locator("form.wrap-up");
        await Expect(wrapUp.Locator("select[name=topic]")).ToBeFocusedAsync();
        await Expect(wrapUp.Locator("select[name=topic]")).ToHaveValueAsync("worried-about-friend");

        await staff.Keyboard.PressAsync("Tab");
        await Expect(wrapUp.Locator("select[name=ageBand]")).ToBeFocusedAsync();
        await staff.Keyboard.PressAsync("ArrowDown");
        await Expect(wrapUp.Locator("select[name=ageBand]")).ToHaveValueAsync("under-13");
        await staff.Keyboard.PressAsync("Tab");
        await Expect(wrapUp.Locator("select[name=outcome]")).ToBeFocusedAsync();
        await staff.Keyboard.PressAsync("ArrowDown");
        await Expect(wrapUp.Locator("select[name=outcome]")).ToHaveValueAsync("support-given");
        await staff.Keyboard.PressAsync("Tab");
        await Expect(wrapUp.Locator("button[type=submit]")).ToBeFocusedAsync();
        await staff.Keyboard.PressAsync("Enter");

        await Expect(panel.Locator(".wrapped-up")).ToBeVisibleAsync();
        await Expect(panel.Locator("button.close-panel")).ToBeFocusedAsync();
        await staff.Keyboard.PressAsync("Enter");
        await Expect(staff.Locator(".staff-chat")).ToHaveCountAsync(0);
        await Expect(staff.Locator("#chats-heading")).ToBeFocusedAsync();
        staffProblems.AssertNone();
        phoneProblems.AssertNone();
    }

    // The transcripts are not live regions: the console speaks the newest entry from someone else, in whichever chat,
    // as one line that names the chat; not the counsellor's own words, and not a history shown again after a reload.
    [Fact]
    public async Task AScreenReaderAtTheConsoleHearsEachNewEntryWithItsChatAndNotTheHistory()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        await using var firstContext = await Chromium.NewPhoneContextAsync(Base);
        await using var secondContext = await Chromium.NewPhoneContextAsync(Base);
        var (staff, staffProblems, first, firstProblems, second, secondProblems) = await TwoTakenChats(desk, firstContext, secondContext);
        var announcer = staff.Locator("#console-announcer");
        var sv = Words.In("sv");

        await first.FillAsync("#message-input", "Är du kvar?");
        await first.ClickAsync("#send");
        await Expect(announcer).ToHaveTextAsync($"{sv["vocab.topic.worried-about-friend"]} – Den unga: Är du kvar?");
        var secondPanel = staff.Locator(".staff-chat").Nth(1);
        await secondPanel.Locator("textarea.message-input").FillAsync("Jag finns här.");
        await secondPanel.Locator("button.send").ClickAsync();
        await Expect(second.Locator("#messages .msg-counsellor")).ToContainTextAsync("Jag finns här.");
        await Expect(announcer).ToHaveTextAsync($"{sv["vocab.topic.worried-about-friend"]} – Den unga: Är du kvar?");
        await second.FillAsync("#message-input", "Tack");
        await second.ClickAsync("#send");
        await Expect(announcer).ToHaveTextAsync($"{sv["vocab.topic.sexual-abuse"]} – Den unga: Tack");

        Assert.Equal("polite", await announcer.GetAttributeAsync("aria-live"));
        Assert.Equal(0, await staff.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.staff-chat .messages')].reduce((n, list) => { for (let e = list; e; e = e.parentElement) if (e.hasAttribute('aria-live') || ['log', 'status', 'alert'].includes(e.getAttribute('role'))) n++; return n; }, 0)"));
        await staff.ReloadAsync();
        await Expect(staff.Locator(".staff-chat .messages .msg-youth")).ToHaveCountAsync(2);
        await Expect(announcer).ToHaveTextAsync("");
        staffProblems.AssertNone();
        firstProblems.AssertNone();
        secondProblems.AssertNone();
    }

    // Ulla's console, on duty for this many chats at once.
    private async Task<(IPage Staff, PageProblems Problems)> OnDuty(IBrowserContext desk, int capacity = 1)
    {
        var (staff, problems) = await SignedInConsole(desk, "ulla");
        await staff.SelectOptionAsync("#capacity", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await staff.ClickAsync("#go-on-duty");
        await Expect(staff.Locator("#duty-status")).ToContainTextAsync("I tjänst");
        return (staff, problems);
    }

    // Ulla on duty for two chats, and took both: first one about a friend, then one about sexual abuse (in view).
    private async Task<(IPage Staff, PageProblems StaffProblems, IPage First, PageProblems FirstProblems, IPage Second, PageProblems SecondProblems)>
        TwoTakenChats(IBrowserContext desk, IBrowserContext firstContext, IBrowserContext secondContext)
    {
        var (staff, staffProblems) = await OnDuty(desk, capacity: 2);
        var (first, firstProblems) = await TakenChat(staff, firstContext, "worried-about-friend");
        var (second, secondProblems) = await TakenChat(staff, secondContext, "sexual-abuse");
        return (staff, staffProblems, first, firstProblems, second, secondProblems);
    }

    // A young person on a phone starts a chat in Swedish, and the counsellor at this console takes it from the queue.
    private static async Task<(IPage Phone, PageProblems Problems)> TakenChat(IPage staff, IBrowserContext context, string? topic = null)
    {
        var started = await StartedChat(context, topic);
        await staff.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(started.Phone.Locator("#chat")).ToBeVisibleAsync();
        return started;
    }
}
