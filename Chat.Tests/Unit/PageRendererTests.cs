using AngleSharp.Html.Parser;
using Chat.Server.Content;

namespace Chat.Tests.Unit;

// The Markdown security corpus: whatever a coordinator (or someone who took over their account) writes,
// the page a young person reads carries no script, no event handler, and no link or image off the allow-list.
public sealed class PageRendererTests
{
    public static TheoryData<string> Hostile => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x73;cript:alert(1))",
        "[click](java%73cript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](  javascript:alert(1))",
        "[click](<javascript:alert(1)>)",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "[click](//evil.example/x)",
        "[click](/\\evil.example)",
        "[click](http://plain.example)",
        "<javascript:alert(1)>",
        "<http://plain.example>",
        "![x](https://tracker.example/pixel.png)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](javascript:alert(1))",
        "[x](https://ok.example \"t\" onmouseover=alert(1))",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<svg onload=alert(1)>",
        "<iframe src=https://evil.example></iframe>",
        "<style>body{display:none}</style>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "# <script>alert(1)</script>",
        "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:z) |",
        "<!-- <script>alert(1)</script> -->",
        "<div onclick=\"alert(1)\">x</div>",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileMarkdownRendersWithoutScriptHandlersOrForeignTargets(string markdown)
    {
        var html = PageRenderer.Render("# Sida\n\n" + markdown).Html;
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");

        Assert.Empty(document.QuerySelectorAll("script, style, iframe, svg, object, embed, img:not([src^='/'])"));
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            // Checked here on their own terms, not with the renderer's own allow-list.
            if (element.GetAttribute("href") is { } href)
                Assert.True(href.StartsWith("https://") || href.StartsWith("mailto:") || href.StartsWith("tel:") || href.StartsWith('#')
                    || (href.StartsWith('/') && !href.StartsWith("//") && !href.Contains('\\')), $"href {href}");
            if (element.GetAttribute("src") is { } src) Assert.True(src.StartsWith('/') && !src.StartsWith("//"), $"src {src}");
        }
        Assert.DoesNotContain("javascript:", string.Join(" ", document.All.SelectMany(e => e.Attributes).Select(a => a.Value)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[ring 112](tel:112)", "tel:112")]
    [InlineData("[mejla](mailto:hej@example.se)", "mailto:hej@example.se")]
    [InlineData("[läs mer](https://www.1177.se/)", "https://www.1177.se/")]
    [InlineData("[chatta](/)", "/")]
    [InlineData("[en annan sida](/sv/i-fara-nu)", "/sv/i-fara-nu")]
    [InlineData("[längre ner](#vad-kan-jag-gora)", "#vad-kan-jag-gora")]
    public void AllowedLinksKeepTheirTarget(string markdown, string href)
    {
        var document = new HtmlParser().ParseDocument(PageRenderer.Render(markdown).Html);
        Assert.Equal(href, document.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void AForbiddenLinkKeepsItsTextAsPlainText()
    {
        var html = PageRenderer.Render("Tryck [här **nu**](javascript:alert(1)) tack").Html;
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Equal("Tryck här nu tack", document.QuerySelector("p")!.TextContent);
        Assert.NotNull(document.QuerySelector("p strong"));
    }

    [Theory]
    [InlineData("![en bild](https://tracker.example/p.png)", "en bild")]
    [InlineData("[![ikon](https://tracker.example/i.png)](https://ok.example/)", "ikon")]
    [InlineData("<http://plain.example>", "http://plain.example")]
    public void ABlockedImageOrAutolinkLeavesItsTextOnce(string markdown, string text)
    {
        var document = new HtmlParser().ParseDocument(PageRenderer.Render(markdown).Html);
        Assert.Equal(text, document.QuerySelector("p")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("img"));
    }

    [Fact]
    public void RawHtmlIsShownAsTextNotMarkup()
    {
        var document = new HtmlParser().ParseDocument(PageRenderer.Render("Hej <b>du</b> &lt;i&gt;").Html);
        Assert.Empty(document.QuerySelectorAll("b, i"));
        Assert.Equal("Hej <b>du</b> <i>", document.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void HeadingsGetAnchorsTablesRenderAndExternalLinksDoNotPassTheReferrer()
    {
        var html = PageRenderer.Render("# Vad är sugardating?\n\n## Vad kan jag göra?\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[1177](https://www.1177.se/)").Html;
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("vad-kan-jag-göra", document.QuerySelector("h2")!.Id);
        Assert.NotNull(document.QuerySelector("table td"));
        Assert.Contains("noreferrer", document.QuerySelector("a")!.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("# Hej\n\ntext", "Hej")]
    [InlineData("intro\n\n# Rubrik *med* betoning", "Rubrik med betoning")]
    [InlineData("## Bara en tvåa", null)]
    public void TheTitleIsTheFirstLevelOneHeading(string markdown, string? title) => Assert.Equal(title, PageRenderer.Title(markdown));

    [Theory]
    [InlineData("i-fara-nu", true)]
    [InlineData("sex-mot-ersattning2", true)]
    [InlineData("../etc/passwd", false)]
    [InlineData("i--fara", false)]
    [InlineData("-fara", false)]
    [InlineData("Fara", false)]
    [InlineData("fаra", false)] // a Cyrillic а
    [InlineData("hjälp", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void SlugsAreLowercaseAsciiWordsJoinedByDashes(string slug, bool valid) => Assert.Equal(valid, Slugs.IsSlug(slug));
}
