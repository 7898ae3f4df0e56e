using System.Net;
using Chat.Server.Content;
using Chat.Server.Handover;
using Chat.Server.Opening;
using Chat.Server.QuickReplies;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// Counsellors and coordinators who use only a keyboard: nothing on a staff page is clicked or filled by the test, and
// focus can be seen after every key press. The young people on their phones are driven any way.
public sealed class StaffKeyboardJourneyTests : BrowserTest
{
    [Fact]
    public async Task ACounsellorWithOnlyAKeyboardSignsInTakesAChatAnswersWithAQuickReplyEndsWrapsUpAndSignsOut()
    {
        await App.Get<QuickReplyStore>().Save([new("sv", "Välkommen", "Hej! Vad bra att du hör av dig.")], "kim");
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (staff, staffProblems) = await OnDutyByKeyboard(desk, "ulla");

        await using var firstContext = await Chromium.NewPhoneContextAsync(Base);
        var (phone, phoneProblems) = await StartedChat(firstContext, "worried-about-friend");
        var waiting = staff.Locator("#queue .waiting-chat");
        await Expect(waiting).ToHaveCountAsync(1);
        var first = await waiting.GetAttributeAsync("data-conversation-id");
        await KeyboardFocus.TabTo(staff, "#queue button.take", "to the waiting chat");

        // Someone else starts waiting while the counsellor is on the button: the queue is drawn again, the focus stays.
        await using var secondContext = await Chromium.NewPhoneContextAsync(Base);
        var (_, secondProblems) = await StartedChat(secondContext);
        await Expect(waiting).ToHaveCountAsync(2);
        await KeyboardFocus.Arrives(staff, $"#queue .waiting-chat[data-conversation-id='{first}'] button.take", "another arrived");

        await staff.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        var panel = staff.Locator(".staff-chat");
        await KeyboardFocus.Arrives(staff, ".staff-chat textarea.message-input", "took the chat");
        await staff.Keyboard.TypeAsync("Hej, jag heter Ulla.");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#messages .msg-counsellor")).ToContainTextAsync("Hej, jag heter Ulla.");
        await KeyboardFocus.AssertVisible(staff, "sent");

        await KeyboardFocus.TabTo(staff, ".staff-chat .quick-replies summary", "to the quick replies");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(panel.Locator("button.quick-reply")).ToBeVisibleAsync();
        await KeyboardFocus.TabTo(staff, ".staff-chat button.quick-reply", "to a quick reply");
        await staff.Keyboard.PressAsync("Enter");
        var box = panel.Locator("textarea.message-input");
        await Expect(box).ToHaveValueAsync("Hej! Vad bra att du hör av dig.");
        await KeyboardFocus.Arrives(staff, ".staff-chat textarea.message-input", "chose a quick reply");
        await staff.Keyboard.TypeAsync(" Berätta gärna.");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#messages .msg-counsellor").Last).ToContainTextAsync("Hej! Vad bra att du hör av dig. Berätta gärna.");

        await KeyboardFocus.TabTo(staff, ".staff-chat button.end-chat", "to the end button");
        await staff.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(staff, ".staff-chat button.end-confirm-yes", "asked to confirm");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await KeyboardFocus.Arrives(staff, ".staff-chat form.wrap-up select[name=topic]", "ended");
        await KeyboardFocus.TabTo(staff, ".staff-chat select[name=ageBand]", "to the age");
        await staff.Keyboard.PressAsync("ArrowDown");
        await KeyboardFocus.TabTo(staff, ".staff-chat select[name=outcome]", "to the outcome");
        await staff.Keyboard.PressAsync("ArrowDown");
        await Expect(panel.Locator("select[name=outcome]")).ToHaveValueAsync("support-given");
        await KeyboardFocus.TabTo(staff, ".staff-chat button.wrap-up-submit", "to save the wrap-up");
        await staff.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(staff, ".staff-chat button.close-panel", "wrapped up");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(panel).ToHaveCountAsync(0);
        await KeyboardFocus.Arrives(staff, "#chats-heading", "closed the chat");

        // Signed out for real: the session the browser held opens the console no more.
        var session = string.Join("; ", (await desk.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        Assert.Equal(HttpStatusCode.OK, (await App.Ask(HttpMethod.Get, "/staff", session)).Status);
        await KeyboardFocus.TabTo(staff, "#sign-out", "back to sign out", backwards: true);
        await staff.Keyboard.PressAsync("Enter");
        await staff.WaitForURLAsync(new Uri(Base, "/staff/signin").ToString());
        await Expect(staff.Locator("#auth-error")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Ask(HttpMethod.Get, "/staff", session)).Status);
        staffProblems.AssertNone();
        phoneProblems.AssertNone();
        secondProblems.AssertNone();
    }

    [Fact]
    public async Task ACounsellorWithOnlyAKeyboardAsksAYoungPersonAboutAServiceAndCancels()
    {
        await Handovers.Seeded(App, "stodcentrum");
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (staff, staffProblems) = await OnDutyByKeyboard(desk, "ulla");
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var (phone, phoneProblems) = await StartedChat(phoneContext, "relationship-violence");
        await Expect(staff.Locator("#queue .waiting-chat")).ToHaveCountAsync(1);
        await KeyboardFocus.TabTo(staff, "#queue button.take", "to the waiting chat");
        await staff.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(staff, ".staff-chat textarea.message-input", "took the chat");

        await KeyboardFocus.TabTo(staff, ".staff-chat .handover-tools summary", "to handing over");
        await staff.Keyboard.PressAsync("Enter");
        // The young person told their age in the chat: 13–15, the second band.
        await KeyboardFocus.TabTo(staff, ".staff-chat select[name=handoverAgeBand]", "to the age");
        await staff.Keyboard.PressAsync("ArrowDown");
        await staff.Keyboard.PressAsync("ArrowDown");
        await Expect(staff.Locator(".staff-chat select[name=handoverAgeBand]")).ToHaveValueAsync("13-15");
        await KeyboardFocus.TabTo(staff, ".staff-chat button.load-services", "to the services");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(staff.Locator(".staff-chat .services")).ToBeVisibleAsync();
        await KeyboardFocus.TabTo(staff, ".staff-chat .service-list input[type=radio]", "into the services");
        await KeyboardFocus.ArrowTo(staff, ".staff-chat input[type=radio][value=stodcentrum]", "to Stödcentrum");
        await Expect(staff.Locator(".staff-chat input[value=stodcentrum]")).ToBeCheckedAsync();
        await KeyboardFocus.TabTo(staff, ".staff-chat textarea.handover-summary", "to the summary");
        await staff.Keyboard.TypeAsync("Hen är 14 och vill ha stöd.");
        await KeyboardFocus.TabTo(staff, ".staff-chat button.propose-handover", "to asking");
        await staff.Keyboard.PressAsync("Enter");

        await Expect(phone.Locator("#handover-summary")).ToHaveTextAsync("Hen är 14 och vill ha stöd.");
        // The tools fold away while the young person decides: focus goes to what the console says happened.
        await KeyboardFocus.Arrives(staff, ".staff-chat .handover-status", "asked");
        await Expect(staff.Locator(".staff-chat .handover-status")).ToContainTextAsync("Stödcentrum");
        await KeyboardFocus.TabTo(staff, ".staff-chat button.cancel-handover", "to cancelling");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#handover-offer")).ToBeHiddenAsync();
        await KeyboardFocus.Arrives(staff, ".staff-chat .handover-tools summary", "cancelled");
        staffProblems.AssertNone();
        phoneProblems.AssertNone();
    }

    [Fact]
    public async Task ACoordinatorWithOnlyAKeyboardEditsAHelpPageAServiceTheOpeningHoursAndTheQuickReplies()
    {
        await App.Seeded();
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (page, problems) = await SignedInByKeyboard(desk, "kim", "/staff/dashboard");

        await Follow(page, "#nav-pages", "/staff/pages");
        await Follow(page, "a[href='/staff/pages/sv/i-fara-nu']", "/staff/pages/sv/i-fara-nu", limit: 60);
        await KeyboardFocus.TabTo(page, "#markdown", "to the text");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("\nDu kan alltid ringa 112.");
        await KeyboardFocus.TabTo(page, "#save-page", "to save the page");
        await page.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(page, "#page-done", "saved the page");
        Assert.EndsWith("Du kan alltid ringa 112.", (await App.Get<HelpPages>().Draft("sv", "i-fara-nu"))!.Latest.Markdown.TrimEnd());

        await Follow(page, "#nav-directory", "/staff/directory", backwards: true);
        await Follow(page, "a[href='/staff/directory/stodcentrum']", "/staff/directory/stodcentrum", limit: 40);
        await KeyboardFocus.TabTo(page, "#offers", "to what the service offers");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Samtal och stöd, också på kvällar.");
        // Past every field of the form, the week's opening times too (a time field is several stops).
        await KeyboardFocus.TabTo(page, "#save-service", "to save the service", limit: 120);
        await page.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(page, "#directory-done", "saved the service");
        Assert.Equal("Samtal och stöd, också på kvällar.", (await App.Get<ServiceDirectory>().Find("stodcentrum"))!.Offers);

        await Follow(page, "#nav-hours", "/staff/hours", backwards: true);
        // A fresh page: the first Tab offers the way past the header's links, and Enter takes it.
        await KeyboardFocus.TabTo(page, "#skip-to-main", "the first Tab", limit: 1);
        await page.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(page, "#main", "skipped the header");
        await KeyboardFocus.TabTo(page, "input[name=hoursKnown]", "to the hours", limit: 3);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("input[name=hoursKnown][value=yes]")).ToBeCheckedAsync();
        await KeyboardFocus.TabTo(page, "#day0", "to Monday");
        await page.Keyboard.TypeAsync("09:00–17:00");
        await KeyboardFocus.TabTo(page, "#save-hours", "to save the hours", limit: 40);
        await page.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(page, "#hours-done", "saved the hours");
        Assert.Equal("09:00–17:00", OpeningPeriod.FormatDay((await App.Get<OpeningStore>().Get()).Weekday(DayOfWeek.Monday)));

        await Follow(page, "#nav-quick-replies", "/staff/quick-replies", backwards: true);
        await KeyboardFocus.TabTo(page, "select[name=language0]", "to the language");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("select[name=language0]")).ToHaveValueAsync("en");
        await KeyboardFocus.TabTo(page, "input[name=label0]", "to the label");
        await page.Keyboard.TypeAsync("Welcome");
        await KeyboardFocus.TabTo(page, "textarea[name=text0]", "to the text");
        await page.Keyboard.TypeAsync("Hi! Good that you wrote.");
        await KeyboardFocus.TabTo(page, "#save-quick-replies", "to save the quick replies", limit: 40);
        await page.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(page, "#quick-replies-done", "saved the quick replies");
        Assert.Equal(new QuickReply("en", "Welcome", "Hi! Good that you wrote."), Assert.Single(await App.Get<QuickReplyStore>().All()));
        problems.AssertNone();
    }

    // Signs in at the sign-in page with the keyboard alone, and lands where sign-in sends this person.
    private async Task<(IPage Page, PageProblems Problems)> SignedInByKeyboard(IBrowserContext desk, string userName, string landing)
    {
        var page = await desk.NewPageAsync();
        var problems = new PageProblems(page);
        await page.GotoAsync("/staff/signin");
        await KeyboardFocus.TabTo(page, "#userName", "to the user name", limit: 2);
        await page.Keyboard.TypeAsync(userName);
        await KeyboardFocus.TabTo(page, "#password", "to the password", limit: 1);
        await page.Keyboard.TypeAsync(ChatApp.Password);
        await KeyboardFocus.TabTo(page, "#sign-in", "to the sign-in button", limit: 1);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(Base, landing).ToString());
        return (page, problems);
    }

    // A new counsellor signs in and goes on duty for one chat, with the keyboard alone.
    private async Task<(IPage Page, PageProblems Problems)> OnDutyByKeyboard(IBrowserContext desk, string userName)
    {
        await App.CreateStaff(userName);
        var (staff, problems) = await SignedInByKeyboard(desk, userName, "/staff");
        // The duty button is enabled only over a live hub connection.
        await Expect(staff.Locator("#go-on-duty")).ToBeEnabledAsync();
        await KeyboardFocus.TabTo(staff, "#go-on-duty", "to going on duty");
        await staff.Keyboard.PressAsync("Enter");
        await Expect(staff.Locator("#duty-status")).ToContainTextAsync("I tjänst");
        await KeyboardFocus.AssertVisible(staff, "on duty");
        return (staff, problems);
    }

    // Tabs to a link and follows it with Enter.
    private async Task Follow(IPage page, string link, string path, bool backwards = false, int limit = 25)
    {
        await KeyboardFocus.TabTo(page, link, $"to {path}", backwards, limit);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(Base, path).ToString());
    }
}
