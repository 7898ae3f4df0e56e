using Chat.Client.Texts;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A young person picks their language on the first screen: the page speaks it at once, Arabic right to left,
// the choice lasts for this tab only (sessionStorage) and the counsellor sees it with the chat.
public sealed class LanguageJourneyTests : BrowserTest
{
    // From ar.json itself, without the catalog's fall-back to Swedish: a key missing in Arabic fails here.
    private static string Ar(string key) => TextCatalog.Text("ar", key) ?? throw new KeyNotFoundException($"ar.json has no text \"{key}\"");

    [Fact]
    public async Task AYoungPersonPicksArabicAndTheWholePageTurnsRightToLeftForThisTabOnly()
    {
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(phone.Locator("#start-heading")).ToHaveTextAsync("Prata med någon");
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();

        await phone.ClickAsync("#language-picker [data-language=ar]");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(phone.Locator("#start-heading")).ToHaveTextAsync(Ar("start.heading"));
        await Expect(phone.Locator("#start-chat")).ToHaveTextAsync(Ar("start.submit"));
        await Expect(phone.Locator("#quick-exit [data-t]")).ToHaveTextAsync(Ar("quickExit.label"));
        await Expect(phone.Locator("#topic option[value=something-else]")).ToHaveTextAsync(Ar("vocab.topic.something-else"));
        await Expect(phone.Locator("#message-input")).ToHaveAttributeAsync("placeholder", Ar("chat.placeholder"));
        await Expect(phone.Locator("#language-picker [data-language=ar]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(phone.Locator("#language-picker [data-language=sv]")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(phone.Locator("#chat-status")).ToHaveTextAsync(Ar("status.openNobodyOnDuty"));
        // Nothing on the screen is left in Swedish, but what is Swedish on purpose (the name, "Svenska").
        Assert.Equal("", await SwedishOnScreen(phone));
        await phone.SaveScreenshotAsync("arabic-start");

        // Mirrored: the header reads from the right (the name on the right, quick exit on the left), and text
        // starts at the right edge.
        var brand = (await phone.Locator(".brand").BoundingBoxAsync())!;
        var exit = (await phone.Locator("#quick-exit").BoundingBoxAsync())!;
        Assert.True(exit.X + exit.Width <= brand.X, $"quick exit ({exit.X}) should be left of the name ({brand.X})");
        var heading = (await phone.Locator("#start-heading").BoundingBoxAsync())!;
        var form = (await phone.Locator("#start-form").BoundingBoxAsync())!;
        Assert.Equal("rtl", await phone.Locator("#start-heading").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.True(await phone.Locator("#start-heading").EvaluateAsync<bool>(
            "e => { const r = document.createRange(); r.selectNodeContents(e); const text = r.getBoundingClientRect(); return e.getBoundingClientRect().right - text.right < 2; }"),
            "the heading's text should end at the right edge");
        Assert.True(heading.X + heading.Width >= form.X + form.Width - 1);

        // Kept for this tab only: in sessionStorage, not in a cookie, localStorage or the address.
        Assert.Equal("ar", await phone.EvaluateAsync<string>("() => sessionStorage.getItem('chat.language')"));
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(await phoneContext.CookiesAsync());
        Assert.Equal(new Uri(Base, "/").ToString(), phone.Url);

        // A reload keeps it; another tab starts in Swedish.
        await phone.ReloadAsync();
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(phone.Locator("#start-heading")).ToHaveTextAsync(Ar("start.heading"));
        var otherTab = await phoneContext.NewPageAsync();
        await otherTab.GotoAsync("/");
        await Expect(otherTab.Locator("#start-chat")).ToBeEnabledAsync();
        await Expect(otherTab.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(otherTab.Locator("#start-heading")).ToHaveTextAsync("Prata med någon");

        // Back to Swedish: nothing is left behind.
        await phone.ClickAsync("#language-picker [data-language=sv]");
        await Expect(phone.Locator("#start-heading")).ToHaveTextAsync("Prata med någon");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        Assert.Null(await phone.EvaluateAsync<string?>("() => sessionStorage.getItem('chat.language')"));
        problems.AssertNone();
    }

    [Fact]
    public async Task TheCounsellorSeesTheLanguageTheYoungPersonChoseAndBothWriteInTheirOwnDirection()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (staff, staffProblems) = await SignedInConsole(desk, "ulla");
        await staff.ClickAsync("#go-on-duty");

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.ClickAsync("#language-picker [data-language=ar]");
        await Expect(phone.Locator("#start-heading")).ToHaveTextAsync(Ar("start.heading"));
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#queue-position")).ToHaveTextAsync(Ar("waiting.first"));
        // The picker belongs to the first screen: the chat's language is set once it starts.
        await Expect(phone.Locator("#language-picker")).ToBeHiddenAsync();

        var waiting = staff.Locator("#queue .waiting-chat");
        await Expect(waiting.Locator(".language")).ToHaveTextAsync("العربية");
        await waiting.Locator("button.take").ClickAsync();

        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", "مرحبا، أحتاج مساعدة");
        await phone.ClickAsync("#send");
        var panel = staff.Locator(".staff-chat");
        var fromYouth = panel.Locator(".messages .msg-youth .msg-text");
        await Expect(fromYouth).ToHaveTextAsync("مرحبا، أحتاج مساعدة");
        Assert.Equal("rtl", await fromYouth.EvaluateAsync<string>("e => getComputedStyle(e).direction"));

        await panel.Locator("textarea.message-input").FillAsync("Hej! Jag heter Ulla.");
        await panel.Locator("button.send").ClickAsync();
        var fromCounsellor = phone.Locator("#messages .msg-counsellor .msg-text");
        await Expect(fromCounsellor).ToHaveTextAsync("Hej! Jag heter Ulla.");
        // A Swedish message inside the Arabic page keeps its own direction, and the page's words stay Arabic.
        Assert.Equal("ltr", await fromCounsellor.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Expect(phone.Locator("#send")).ToHaveTextAsync(Ar("chat.send"));
        await Expect(phone.Locator("#messages .msg-system").First).ToContainTextAsync("انضمام");
        await phone.SaveScreenshotAsync("arabic-chat");

        // A reload in the middle of the chat comes back in Arabic, the transcript's own lines too.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#messages .msg-counsellor .msg-text")).ToHaveTextAsync("Hej! Jag heter Ulla.");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(phone.Locator("#messages .msg-system").First).ToContainTextAsync("انضمام");
        await Expect(phone.Locator("#messages .msg-own .msg-author")).ToHaveTextAsync(Ar("transcript.you"));
        Assert.Equal("", await SwedishOnScreen(phone, except: "#messages .msg-counsellor .msg-text"));
        problems.AssertNone();
        staffProblems.AssertNone();
    }

    [Fact]
    public async Task WhenTheChosenLanguageCannotBeFetchedThePageStillWorksInSwedish()
    {
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/");
        await phone.ClickAsync("#language-picker [data-language=ar]");
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        // The Arabic file is out of reach (a page open across a new version, a phone with a bad connection).
        await phoneContext.RouteAsync("**/texts/ar*.json", route => route.AbortAsync());
        await phoneContext.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Cache-Control"] = "no-cache" });
        await phone.ReloadAsync();
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(phone.Locator("#start-heading")).ToHaveTextAsync("Prata med någon");
        await Expect(phone.Locator("#chat-status")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[a-z]+\\.[a-zA-Z.]+$"));

        // A language that does arrive is still there to pick.
        await phone.ClickAsync("#language-picker [data-language=en]");
        await Expect(phone.Locator("#start-heading")).ToHaveTextAsync("Talk to someone");
    }

    // Visible text with Swedish letters, leaving out what is Swedish on purpose ([lang=sv]) and what people typed.
    private static Task<string> SwedishOnScreen(IPage page, string except = "") => page.EvaluateAsync<string>("""
        except => {
          const skip = [...document.querySelectorAll('[lang=sv]' + (except ? ', ' + except : ''))];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const found = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (skip.some(s => s.contains(element)) || !element.checkVisibility()) continue;
            if (/[åäöÅÄÖ]/.test(node.textContent)) found.push(node.textContent.trim());
          }
          return found.join(' | ');
        }
        """, except);
}
