using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A coordinator edits, previews and publishes a help page; a young person on a phone reads the new text.
public sealed class HelpPagesJourneyTests : BrowserTest
{
    [Fact]
    public async Task ACoordinatorPublishesAndAYoungPersonOnAPhoneReadsTheNewText()
    {
        await App.CreateStaff("cora", StaffRoles.Coordinator);
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (editor, editorProblems) = await SignedIn(desk, "cora", "/staff/dashboard");

        // The seed is in on first start; open the page the young person will read.
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await App.Seeded();
        await phone.GotoAsync("/sv/i-fara-nu");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Om du är i fara nu");

        await editor.GotoAsync("/staff/pages/sv/i-fara-nu");
        var markdown = editor.Locator("#markdown");
        var text = await markdown.InputValueAsync();
        await markdown.FillAsync(text + "\n\nDu kan också skriva till oss här: <script>alert(1)</script> [länk](javascript:alert(1))\n");
        await editor.ClickAsync("#preview-page");
        var preview = editor.Locator("#preview");
        await Expect(preview).ToContainTextAsync("Du kan också skriva till oss här: <script>alert(1)</script>");
        Assert.Equal(0, await preview.Locator("script, a[href^='javascript']").CountAsync());
        await editor.SaveScreenshotAsync("1-preview");
        await editor.ClickAsync("#save-page");
        await Expect(editor.Locator("#page-done")).ToBeVisibleAsync();
        await editor.ClickAsync("#publish-page");
        await Expect(editor.Locator("#page-done")).ToContainTextAsync("ublicera");

        await phone.GotoAsync("/sv/i-fara-nu");
        var article = phone.Locator("article");
        await Expect(article).ToContainTextAsync("Du kan också skriva till oss här: <script>alert(1)</script> länk");
        Assert.Equal(0, await article.Locator("script, a[href^='javascript']").CountAsync());
        await Expect(phone.Locator("a[href='/']").Last).ToBeVisibleAsync(); // the call to start a chat
        await phone.SaveScreenshotAsync("2-phone");
        phoneProblems.AssertNone();
        editorProblems.AssertNone();
    }

    [Fact]
    public async Task AnArabicPageIsWrittenAndReadRightToLeft()
    {
        await App.CreateStaff("cora", StaffRoles.Coordinator);
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (editor, _) = await SignedIn(desk, "cora", "/staff/dashboard");

        await editor.GotoAsync("/staff/pages/ar/marhaban");
        Assert.Equal("rtl", await editor.Locator("#markdown").GetAttributeAsync("dir"));
        await editor.FillAsync("#markdown", "# مرحبا\n\nيمكنك الدردشة معنا دون الكشف عن هويتك.\n");
        await editor.ClickAsync("#save-page");
        await Expect(editor.Locator("#page-done")).ToBeVisibleAsync();
        await editor.ClickAsync("#publish-page");
        await Expect(editor.Locator("#page-done")).ToContainTextAsync("ublicera");

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/ar/marhaban");
        Assert.Equal(("ar", "rtl"), (await phone.Locator("html").GetAttributeAsync("lang"), await phone.Locator("html").GetAttributeAsync("dir")));
        await Expect(phone.Locator("h1")).ToHaveTextAsync("مرحبا");
        await phone.SaveScreenshotAsync("ar-phone");
        problems.AssertNone();
    }
}
