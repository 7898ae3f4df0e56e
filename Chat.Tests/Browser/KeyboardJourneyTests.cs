using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A young person who uses only a keyboard (no mouse, no touch, nothing focused by the test) goes through a whole chat,
// and can see where focus is after every key press.
public sealed class KeyboardJourneyTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
    [Fact]
    public async Task AYoungPersonWithOnlyAKeyboardChoosesStartsChatsEndsAndRates()
    {
        await using var counsellor = await Counsellor.SignIn(App, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();

        // The first stop is the way out.
        await KeyboardFocus.TabTo(phone, "#quick-exit", "the first Tab", limit: 1);
        await KeyboardFocus.TabTo(phone, "#topic", "to the topic");
        await phone.Keyboard.PressAsync("ArrowDown");
        await Expect(phone.Locator("#topic")).Not.ToHaveValueAsync("");
        await KeyboardFocus.TabTo(phone, "#age-band", "to the age");
        await phone.Keyboard.PressAsync("ArrowDown");
        await phone.Keyboard.PressAsync("ArrowDown");
        await Expect(phone.Locator("#age-band")).Not.ToHaveValueAsync("");
        var choices = (await phone.Locator("#topic").InputValueAsync(), await phone.Locator("#age-band").InputValueAsync());
        await KeyboardFocus.TabTo(phone, "#start-chat", "to the start button");
        await phone.Keyboard.PressAsync("Enter");

        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        await KeyboardFocus.Arrives(phone, "#waiting-heading", "in the queue");
        var waiting = Assert.Single(await counsellor.QueueOf(1));
        Assert.Equal(choices, (waiting.Topic, waiting.AgeBand));
        (await counsellor.Take(waiting.ConversationId)).Value();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        (await counsellor.Send(waiting.ConversationId, "Hej, jag heter Ulla. Vad vill du prata om?")).Value();
        await Expect(phone.Locator("#chat-announcer")).ToHaveTextAsync("Name of ulla: Hej, jag heter Ulla. Vad vill du prata om?");

        // The history is one Tab stop: it scrolls with the arrow keys and shows its focus.
        await KeyboardFocus.TabTo(phone, "#messages", "to the messages");
        await Expect(phone.Locator("#messages")).ToContainTextAsync("Vad vill du prata om?");
        await KeyboardFocus.TabTo(phone, "#message-input", "to the message box");
        await phone.Keyboard.TypeAsync("Om en kompis");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#messages .msg-youth")).ToContainTextAsync("Om en kompis");
        await KeyboardFocus.AssertVisible(phone, "after sending");
        Assert.Equal("Om en kompis", (await counsellor.Next("text", from: "youth")).Text);

        await KeyboardFocus.TabTo(phone, "#end-chat", "to the end button");
        await phone.Keyboard.PressAsync("Enter");
        await KeyboardFocus.Arrives(phone, "#end-confirm-yes", "asked to confirm");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await KeyboardFocus.Arrives(phone, "#ended-heading", "ended");
        await counsellor.Next("ended");

        await KeyboardFocus.TabTo(phone, "#rating [data-rating='4']", "to a rating");
        await phone.Keyboard.PressAsync("Space");
        await Expect(phone.Locator("#rating-thanks")).ToBeVisibleAsync();
        // The pressed button went away with the question: focus goes to the thanks, not back to the page's start.
        await KeyboardFocus.Arrives(phone, "#rating-thanks", "rated");
        await KeyboardFocus.TabTo(phone, "#start-again", "on to a new chat");
        await phone.SaveScreenshotAsync();
        problems.AssertNone();
    }
}
