using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// What WCAG asks of the chat page that only behaviour shows: new messages spoken once, text at 200 %, less motion.
public sealed class AccessibleChatTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
    [Fact]
    public async Task AScreenReaderHearsOnlyTheNewestMessageNotTheHistory()
    {
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var (phone, counsellor, conversationId) = await InAChat(context);
        await using var signedIn = counsellor;
        var announcer = phone.Locator("#chat-announcer");

        (await counsellor.Send(conversationId, "Hej, jag heter Ulla.")).Value();
        await Expect(announcer).ToHaveTextAsync("Name of ulla: Hej, jag heter Ulla.");
        (await counsellor.Send(conversationId, "Vad vill du prata om?")).Value();
        await Expect(announcer).ToHaveTextAsync("Name of ulla: Vad vill du prata om?");
        await phone.FillAsync("#message-input", "Om skolan");
        await phone.ClickAsync("#send");
        await Expect(phone.Locator("#messages .msg-youth")).ToContainTextAsync("Om skolan");
        await Expect(announcer).ToHaveTextAsync("Name of ulla: Vad vill du prata om?"); // one's own words are not read back

        Assert.Equal("polite", await announcer.GetAttributeAsync("aria-live"));
        // Neither the list nor anything around it is live, so nothing re-reads the history when entries are added.
        Assert.Equal(0, await phone.EvaluateAsync<int>(
            "() => { let n = 0; for (let e = document.getElementById('messages'); e; e = e.parentElement) if (e.hasAttribute('aria-live') || ['log', 'status', 'alert'].includes(e.getAttribute('role'))) n++; return n; }"));

        // A reload resumes the whole history into the list, and says none of it.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#messages .msg")).ToHaveCountAsync(4); // joined, two from Ulla, one own
        await Expect(announcer).ToHaveTextAsync("");
        (await counsellor.Send(conversationId, "Berätta mer.")).Value();
        await Expect(announcer).ToHaveTextAsync("Name of ulla: Berätta mer.");
    }

    [Fact]
    public async Task AtTwiceTheTextSizeNothingScrollsSidewaysAndTheComposerStaysUsable()
    {
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var (phone, counsellor, conversationId) = await InAChat(context, landing: async page =>
        {
            // As a reader's own text size setting would: everything sized in rem and em grows with it.
            await page.EvaluateAsync("document.documentElement.style.fontSize = '200%'");
            Assert.Equal(32, await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)"));
            await AssertNoSidewaysScroll(page, "landing");
        }, waiting: page => AssertNoSidewaysScroll(page, "waiting"));
        await using var signedIn = counsellor;

        (await counsellor.Send(conversationId, "Hej! Det här är ett ganska långt meddelande som måste brytas på flera rader utan att sidan blir bredare.")).Value();
        await Expect(phone.Locator("#messages .msg-counsellor")).ToBeVisibleAsync();
        await AssertNoSidewaysScroll(phone, "chatting");
        await Axe.AssertNoViolations(phone, "chatting at 200 %");
        await phone.SaveScreenshotAsync("chatting");
        foreach (var id in new[] { "#message-input", "#send", "#end-chat", "#chat .danger-now", "#quick-exit" }) await AssertWithinScreen(phone, id);
        // The conversation keeps room to be read: at least five lines of 200 % text (48 px each).
        var transcript = (await phone.Locator("#messages").BoundingBoxAsync())!.Height;
        Assert.True(transcript >= 240, $"at 200 % the messages have {transcript} px of the 844 px screen");
        await phone.FillAsync("#message-input", "Det syns fortfarande");
        await phone.ClickAsync("#send"); // Playwright clicks only what is visible, enabled and not covered
        await Expect(phone.Locator("#messages .msg-youth")).ToContainTextAsync("Det syns fortfarande");

        await phone.ClickAsync("#end-chat");
        await AssertNoSidewaysScroll(phone, "asked to confirm the end");
        foreach (var id in new[] { "#end-confirm-yes", "#end-confirm-no" }) await AssertWithinScreen(phone, id);
        await phone.SaveScreenshotAsync("ending");
        await phone.ClickAsync("#end-confirm-yes");
        await Expect(phone.Locator("#rating")).ToBeVisibleAsync();
        await AssertNoSidewaysScroll(phone, "ended");
        await phone.SaveScreenshotAsync();
    }

    [Theory]
    [InlineData("/sv")]
    [InlineData("/sv/i-fara-nu")]
    [InlineData("/ar/marhaban")] // not there: the 404 page, which has the quick-exit link too
    public async Task AHelpPageAtTwiceTheTextSizeDoesNotScrollSideways(string path)
    {
        await App.Seeded();
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.EvaluateAsync("document.documentElement.style.fontSize = '200%'");

        await AssertNoSidewaysScroll(page, path);
        await AssertWithinScreen(page, "#quick-exit");
    }

    [Fact]
    public async Task WithReducedMotionNothingMovesOrScrollsSmoothly()
    {
        var (smoothList, animation) = await MotionOf(ReducedMotion.NoPreference, "ulla");
        Assert.Equal(("smooth", "typing-breathe"), (smoothList, animation)); // there is motion to take away

        Assert.Equal(("auto", "none"), await MotionOf(ReducedMotion.Reduce, "ulf"));
    }

    // The chat's scroll behaviour and the typing indicator's animation with this preference; with Reduce, also that
    // nothing asks for a smooth scroll and that no element has a running animation or transition.
    private async Task<(string ListScroll, string TypingAnimation)> MotionOf(ReducedMotion preference, string counsellorName)
    {
        await using var context = await Chromium.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, ReducedMotion = preference,
        }, Base);
        // Every programmatic scroll is written down with its options.
        await context.AddInitScriptAsync(
            """
            window.scrollCalls = [];
            for (const [target, name] of [[Element.prototype, 'scrollIntoView'], [Element.prototype, 'scrollTo'], [window, 'scrollTo']]) {
              const original = target[name];
              target[name] = function (...args) { scrollCalls.push(JSON.stringify(args[0] ?? null)); return original.apply(this, args); };
            }
            """);
        var (phone, counsellor, conversationId) = await InAChat(context, counsellorName);
        await using var signedIn = counsellor;
        (await counsellor.SetTyping(conversationId, true)).Value();
        await Expect(phone.Locator("#typing-indicator")).ToBeVisibleAsync();
        var listScroll = await phone.EvaluateAsync<string>("getComputedStyle(document.getElementById('messages')).scrollBehavior");
        var animation = await phone.EvaluateAsync<string>("getComputedStyle(document.getElementById('typing-indicator'), '::before').animationName");
        if (preference == ReducedMotion.Reduce)
        {
            Assert.Equal("auto", await phone.EvaluateAsync<string>("getComputedStyle(document.scrollingElement).scrollBehavior"));
            Assert.Equal("0s", await phone.EvaluateAsync<string>("getComputedStyle(document.getElementById('typing-indicator'), '::before').animationDuration"));
            await phone.ClickAsync("#chat [data-danger]"); // the 112 notice scrolls into view
            await Expect(phone.Locator("#emergency")).ToBeVisibleAsync();
            var calls = await phone.EvaluateAsync<string[]>("scrollCalls");
            Assert.NotEmpty(calls);
            Assert.DoesNotContain(calls, call => call.Contains("smooth"));
            Assert.Empty(await phone.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('*')].filter(e => [getComputedStyle(e), getComputedStyle(e, '::before'), getComputedStyle(e, '::after')].some(s => s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0))).map(e => e.id || e.className)"));
        }
        return (listScroll, animation);
    }

    // A young person on a phone in a chat with Ulla (a counsellor on the hub). landing/waiting: checks on the way.
    private async Task<(IPage Phone, Counsellor Counsellor, string ConversationId)> InAChat(
        IBrowserContext context, string counsellorName = "ulla", Func<IPage, Task>? landing = null, Func<IPage, Task>? waiting = null)
    {
        var counsellor = await Counsellor.SignIn(App, counsellorName);
        (await counsellor.GoOnDuty(1)).Value();
        var phone = await context.NewPageAsync();
        await phone.GotoAsync("/");
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();
        if (landing is not null) await landing(phone);
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        if (waiting is not null) await waiting(phone);
        var conversationId = Assert.Single(await counsellor.QueueOf(1)).ConversationId;
        (await counsellor.Take(conversationId)).Value();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        return (phone, counsellor, conversationId);
    }

    // Against the phone's own width: a mobile browser widens its layout viewport (innerWidth) to what overflows.
    private static async Task AssertNoSidewaysScroll(IPage page, string state)
    {
        var screen = page.ViewportSize!.Width;
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth"), await page.EvaluateAsync<int>("innerWidth"));
        Assert.True(scrollWidth <= screen && innerWidth <= screen, $"{state}: the page is {scrollWidth}px wide (layout {innerWidth}px) on a {screen}px screen");
    }

    private static async Task AssertWithinScreen(IPage page, string selector)
    {
        var box = await page.Locator(selector).BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{selector} is not shown");
        var (width, height) = (page.ViewportSize!.Width, page.ViewportSize!.Height);
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width && box.Y + box.Height <= height,
            $"{selector} at ({box.X}, {box.Y}) {box.Width}×{box.Height} is not wholly on the {width}×{height} screen");
    }
}
