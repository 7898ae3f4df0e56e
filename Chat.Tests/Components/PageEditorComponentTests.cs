using AngleSharp.Dom;
using Chat.Server.Content;

namespace Chat.Tests.Components;

// The editor's parts as the server renders them: the preview a coordinator checks before publishing, the text
// field, the history's diff and the other coordinator's version after a conflict.
public sealed class PageEditorComponentTests
{
    private const string Hostile = """
        # Sida <script>alert(1)</script>

        <script>alert(2)</script>
        <img src=x onerror=alert(3)>
        <div onclick="alert(4)">klick</div>
        [länk](javascript:alert(5)) [data](data:text/html;base64,PHNjcmlwdD4=) ![bild](https://tracker.example/p.png)
        &lt;script&gt;alert(6)&lt;/script&gt;
        """;

    [Fact]
    public async Task ThePreviewOfHostileMarkdownHasNoScriptNoHandlersAndShowsTheMarkupAsText()
    {
        var document = await Rendered.Component<PagePreview>(new() { ["Language"] = "sv", ["Markdown"] = Hostile });

        var article = document.QuerySelector("#preview article.help-page")!;
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, style, img"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(document.QuerySelectorAll("[href]"), e => !PageRenderer.IsAllowedLink(e.GetAttribute("href")));
        Assert.Contains("<script>alert(2)</script>", article.TextContent);
        Assert.Contains("länk", article.TextContent);
        Assert.Equal("Sida <script>alert(1)</script>", article.QuerySelector("h1")!.TextContent);
        Assert.Equal(("sv", "ltr"), (article.GetAttribute("lang"), article.GetAttribute("dir")));
    }

    [Fact]
    public async Task ThePreviewIsExactlyTheHtmlReadersGet()
    {
        const string markdown = "# Om du är i fara nu\n\nRing [112](tel:112) eller läs [mer](/sv/vald-i-relationen).\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        var document = await Rendered.Component<PagePreview>(new() { ["Language"] = "sv", ["Markdown"] = markdown });

        var readers = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{PageRenderer.Render(markdown).Html}</body>").Body!;
        Assert.Equal(readers.InnerHtml.Trim(), document.QuerySelector("#preview article")!.InnerHtml.Trim());
        Assert.Equal("tel:112", document.QuerySelector("article a[href^='tel:']")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("article table"));
    }

    [Fact]
    public async Task AnArabicPageIsPreviewedAndEditedRightToLeft()
    {
        const string arabic = "# إذا كنت في خطر الآن\n\nاتصل بالرقم 112.";
        var preview = await Rendered.Component<PagePreview>(new() { ["Language"] = "ar", ["Markdown"] = arabic });
        var field = await Rendered.Component<MarkdownField>(new() { ["Language"] = "ar", ["Value"] = arabic, ["Problems"] = Array.Empty<PageProblem>() });

        var article = preview.QuerySelector("#preview article")!;
        Assert.Equal(("ar", "rtl"), (article.GetAttribute("lang"), article.GetAttribute("dir")));
        var textarea = field.QuerySelector("textarea#markdown")!;
        Assert.Equal(("ar", "rtl"), (textarea.GetAttribute("lang"), textarea.GetAttribute("dir")));
        Assert.Equal(arabic, ((AngleSharp.Html.Dom.IHtmlTextAreaElement)textarea).Value);

        var swedish = await Rendered.Component<MarkdownField>(new() { ["Language"] = "sv", ["Value"] = "# Hej", ["Problems"] = Array.Empty<PageProblem>() });
        Assert.Equal(("sv", "ltr"), (swedish.QuerySelector("textarea")!.GetAttribute("lang"), swedish.QuerySelector("textarea")!.GetAttribute("dir")));
    }

    [Fact]
    public async Task TheTextFieldKeepsATextExactlyEvenOneStartingWithABlankLineAndSaysTheRules()
    {
        const string text = "\n# Rubrik\n\n  indragen <b>fet</b> &amp;\n";
        var field = await Rendered.Component<MarkdownField>(new() { ["Language"] = "sv", ["Value"] = text, ["Problems"] = new[] { new PageProblem("markdown", "missing-title") } });

        var textarea = (AngleSharp.Html.Dom.IHtmlTextAreaElement)field.QuerySelector("textarea#markdown")!;
        Assert.Equal(text, textarea.Value);
        Assert.Equal("true", textarea.GetAttribute("aria-invalid"));
        Assert.Equal("markdown-hint markdown-error", textarea.GetAttribute("aria-describedby"));
        Assert.Contains("# Rubrik", field.QuerySelector("#markdown-hint")!.TextContent);
        Assert.Contains("Högst 40000 tecken", field.QuerySelector("#markdown-hint")!.TextContent);
        Assert.StartsWith("Sidan saknar rubrik.", field.QuerySelector("#markdown-error")!.TextContent);
        Assert.Null(textarea.GetAttribute("maxlength"));
    }

    [Fact]
    public async Task TheDiffMarksRemovedAndAddedLinesAndShowsPageMarkupAsText()
    {
        var document = await Rendered.Component<PageDiff>(new()
        {
            ["Before"] = "# Rubrik\n\nett\ntvå\ntre",
            ["After"] = "# Rubrik\n\nett\n<script>alert(1)</script>\ntre\n<img src=x onerror=alert(2)>",
        });

        Assert.Equal(["två"], Texts(document, "li.diff-removed del"));
        Assert.Equal(["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"], Texts(document, "li.diff-added ins"));
        Assert.Equal(["# Rubrik", "", "ett", "tre"], Texts(document, "li.diff-same"));
        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task LongUnchangedStretchesAreFoldedAroundTheChange()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"rad {i}").ToList();
        var changed = lines.Select(l => l == "rad 15" ? "rad femton" : l).ToList();

        var document = await Rendered.Component<PageDiff>(new() { ["Before"] = string.Join('\n', lines), ["After"] = string.Join('\n', changed) });

        Assert.Equal(["rad 12", "rad 13", "rad 14", "rad 16", "rad 17", "rad 18"], Texts(document, "li.diff-same"));
        Assert.Equal(["… 11 oförändrade rader …", "… 12 oförändrade rader …"], Texts(document, "li.diff-skip"));
        Assert.Equal(["rad 15"], Texts(document, "li.diff-removed del"));
    }

    [Fact]
    public async Task TheSameTextSaysThereIsNoDifference()
    {
        var document = await Rendered.Component<PageDiff>(new() { ["Before"] = "# A\n\nb", ["After"] = "# A\n\nb" });
        Assert.NotNull(document.QuerySelector(".diff-none"));
        Assert.Null(document.QuerySelector(".page-diff"));
    }

    [Fact]
    public async Task AfterAConflictTheirVersionIsShownAsTextWithWhenAndWho()
    {
        var theirs = new PageVersion(4, "Prov", "# Prov\n\n<script>alert(1)</script> deras text", new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), "kim");
        var document = await Rendered.Component<TheirVersion>(new() { ["Version"] = theirs, ["Language"] = "sv", ["Slug"] = "prov", ["OfferSave"] = true });

        var box = document.QuerySelector("#their-version")!;
        Assert.Contains("Version 4 sparades 2026-03-02 09:05 av kim", System.Text.RegularExpressions.Regex.Replace(box.TextContent, @"\s+", " "));
        Assert.Equal(theirs.Markdown, box.QuerySelector("pre.their-text")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal("4", document.QuerySelector("input[name=theirs]")!.GetAttribute("value"));
        Assert.Equal(PageForm.SaveOverTheirs, document.QuerySelector("button#save-over")!.GetAttribute("value"));
    }

    private static string[] Texts(IDocument document, string selector) =>
        [.. document.QuerySelectorAll(selector).Select(e => e.TextContent.Replace("Borttagen rad: ", "").Replace("Tillagd rad: ", ""))];
}
