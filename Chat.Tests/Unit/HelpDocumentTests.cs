using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Chat.Server.Content;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Unit;

// The reading page as the framework's HtmlRenderer writes it, read back with AngleSharp.
public sealed class HelpDocumentTests : IAsyncLifetime
{
    private static readonly HelpAssets Assets = new("/css/help.abc.css", "/favicon.abc.svg", "/js/quick-exit.abc.js", "https://www.smhi.se/");
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddSingleton(Words.Catalog).BuildServiceProvider();
    private readonly HtmlRenderer _renderer;

    public HelpDocumentTests() => _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }

    private async Task<IDocument> Render(string language, string markdown, bool open = false, IReadOnlyList<LanguageLink>? variants = null)
    {
        var page = PageRenderer.Render(markdown);
        var view = new HelpView(language, language == "ar", page.Title, page.Html, variants ?? [], $"/{language}", open, Words.In(language), Assets);
        var html = await HelpDocuments.Html<HelpDocument>(_renderer, new() { [nameof(HelpDocument.View)] = view }).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("<!DOCTYPE html>", html);
        return new HtmlParser().ParseDocument(html);
    }

    [Fact]
    public async Task ASwedishPageIsLeftToRightWithANeutralTabTitleTheStylesheetAndTheQuickExit()
    {
        var document = await Render("sv", "# Om du är i fara nu\n\nRing [112](tel:112).");

        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("Information", document.Title); // the tab and the history say nothing about the page
        Assert.Equal(["/js/quick-exit.abc.js"], document.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
        Assert.Equal("Om du är i fara nu", document.QuerySelector("article h1")!.TextContent);
        Assert.Equal(["/css/help.abc.css"], document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")));
        var exit = document.QuerySelector("header a#quick-exit")!;
        Assert.Equal("https://www.smhi.se/", exit.GetAttribute("href")); // a plain link: it works without script
        Assert.Equal("Lämna sidan snabbt", exit.TextContent);
        Assert.Equal("/sv", document.QuerySelector("nav a.help-index")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnArabicPageIsRightToLeftAndSpeaksArabicAroundTheText()
    {
        var document = await Render("ar", "# عنوان\n\nنص", variants: [new("sv", "Svenska", "/sv/x", false)]);

        Assert.Equal("ar", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
        Assert.Equal(Words.In("ar")["quickExit.label"], document.QuerySelector("#quick-exit")!.TextContent);
        var swedish = document.QuerySelector(".help-languages a")!;
        Assert.Equal(("sv", "ltr"), (swedish.GetAttribute("lang"), swedish.GetAttribute("dir")));
    }

    [Theory]
    [InlineData("sv", true, "Chatten är öppen nu. Du behöver inte säga vem du är.", "Starta en chatt")]
    [InlineData("sv", false, "Chatten är stängd just nu. Är du i fara, ring 112.", "Till chatten")]
    [InlineData("en", true, "The chat is open now. You do not have to say who you are.", "Start a chat")]
    [InlineData("en", false, "The chat is closed right now. If you are in danger, call 112.", "Go to the chat")]
    public async Task TheCallToActionSaysWhetherTheChatIsOpenNow(string language, bool open, string state, string link)
    {
        var document = await Render(language, "# Sida\n\ntext", open);

        var chat = document.QuerySelector("main > section.help-chat")!;
        Assert.Same(chat, document.QuerySelector("main")!.LastElementChild); // at the end of the page
        Assert.Equal(state, chat.QuerySelector(".chat-state")!.TextContent);
        var start = chat.QuerySelector("a.start-chat")!;
        Assert.Equal(("/", link), (start.GetAttribute("href"), start.TextContent));
        Assert.Contains(open ? "chat-open" : "chat-closed", chat.ClassList);
    }

    [Fact]
    public async Task TheOtherLanguagesOfThePageAreLinkedEachInItsOwnLanguage()
    {
        var document = await Render("sv", "# Sida\n\ntext", variants: [new("en", "English", "/en/sida", false), new("ar", "العربية", "/ar/sida", true)]);

        var links = document.QuerySelectorAll("nav .help-languages a")
            .Select(a => (a.GetAttribute("href"), a.GetAttribute("hreflang"), a.GetAttribute("dir"), a.TextContent)).ToList();
        Assert.Equal([("/en/sida", "en", "ltr", "English"), ("/ar/sida", "ar", "rtl", "العربية")], links);
        Assert.Equal("Sidan på andra språk", document.QuerySelector(".help-languages")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task APageWithoutOtherLanguagesShowsNoLanguageList()
    {
        var document = await Render("sv", "# Sida\n\ntext");

        Assert.Null(document.QuerySelector(".help-languages"));
    }

    [Fact]
    public async Task HostileMarkdownComesOutInertAndTheOnlyScriptIsTheQuickExitModule()
    {
        var document = await Render("sv", """
            # Sida <script>alert(1)</script>

            [klicka](javascript:alert(1)) och [data](data:text/html;base64,PHNjcmlwdD4=)

            <script>alert(2)</script>

            <img src=x onerror=alert(3)>

            [ref]

            [ref]: javascript:alert(4)
            """);

        var script = Assert.Single(document.Scripts);
        Assert.Equal(("module", "/js/quick-exit.abc.js", ""), (script.GetAttribute("type"), script.GetAttribute("src"), script.TextContent));
        Assert.Empty(document.QuerySelectorAll("img, iframe, object, embed, style"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.QuerySelectorAll("[href]"), a => a.GetAttribute("href")!.Contains(':') && !a.GetAttribute("href")!.StartsWith("https:"));
        var article = document.QuerySelector("article")!.TextContent;
        Assert.Contains("<script>alert(2)</script>", article); // shown as text, never run
        Assert.Contains("klicka", article);
    }
}
