using System.Text.RegularExpressions;
using Chat.Server.Content;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Chat.Tests.Support;

namespace Chat.Tests.Unit;

// The help pages the repository ships (Content/Seed/<language>/<slug>.md, embedded), read as the app loads them,
// against the rules in Content/Seed/README.md.
public sealed class SeedPagesTests
{
    private static readonly IReadOnlyList<ContentSeed.SeedPage> Seed = ContentSeed.Load();

    // Markdig as it comes (raw HTML on), so whatever a file holds shows up here, even what PageRenderer would drop.
    private static readonly MarkdownPipeline AsWritten = new MarkdownPipelineBuilder().UsePipeTables().Build();

    // The buttons the pages name, and the label the Arabic chat shows on each (Chat.Client's language files).
    private static readonly Dictionary<string, string> Buttons =
        new[] { "quickExit.label", "danger.button", "waiting.leave", "chat.end" }.ToDictionary(key => Words.In("sv")[key], key => Words.In("ar")[key]);

    public static TheoryData<string> Translations => new() { "en", "ar" };

    public static TheoryData<string, string> Pages
    {
        get
        {
            var pages = new TheoryData<string, string>();
            foreach (var page in Seed) pages.Add(page.Language, page.Slug);
            return pages;
        }
    }

    public static TheoryData<string> SwedishSlugs => new(SlugsIn("sv"));

    private static IEnumerable<string> SlugsIn(string language) => Seed.Where(p => p.Language == language).Select(p => p.Slug);

    private static string Markdown(string language, string slug) =>
        Seed.SingleOrDefault(p => p.Language == language && p.Slug == slug)?.Markdown
        ?? throw new Xunit.Sdk.XunitException($"{language}/{slug}.md is missing");

    private static List<string> Targets(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, AsWritten);
        return document.Descendants<LinkInline>().Select(l => l.Url ?? "")
            .Concat(document.Descendants<AutolinkInline>().Select(l => l.Url))
            .ToList();
    }

    [Fact]
    public void TheSeedIsWrittenInSwedishEnglishAndArabic() =>
        Assert.Equal(["ar", "en", "sv"], Seed.Select(p => p.Language).Distinct().Order());

    [Theory]
    [MemberData(nameof(Translations))]
    public void EverySwedishPageHasAFileWithTheSameSlugInEveryTranslation(string language) =>
        Assert.Equal(SlugsIn("sv").Order(), SlugsIn(language).Order());

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryLinkLeadsToAPageOfTheSameLanguageTheChatOr112(string language, string slug)
    {
        var allowed = SlugsIn(language).Append(WhereElse.SlugFor(Words.In(language))).Select(s => $"/{language}/{s}").Append("/").Append("tel:112").ToHashSet();
        Assert.All(Targets(Markdown(language, slug)), target => Assert.True(allowed.Contains(target), $"{language}/{slug} links to {target}"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryPageOffersTheAnonymousChatAndHowToCall112(string language, string slug)
    {
        var targets = Targets(Markdown(language, slug));
        Assert.Contains("/", targets);
        Assert.Contains("tel:112", targets);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryPageStartsWithItsOnlyTitleAndHoldsNoHtmlImagePhoneNumberOrWebAddress(string language, string slug)
    {
        var markdown = Markdown(language, slug);
        var document = Markdig.Markdown.Parse(markdown, AsWritten);
        Assert.StartsWith("# ", markdown);
        Assert.Single(document.Descendants<HeadingBlock>(), h => h.Level == 1);
        Assert.Equal(PageRenderer.Title(markdown), PageRenderer.Title(markdown.Split('\n')[0]));
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.DoesNotContain(document.Descendants<LinkInline>(), l => l.IsImage);
        Assert.DoesNotMatch(@"\+?\d[\d \-]{5,}\d", markdown); // 112 is the only number to call
        Assert.DoesNotMatch(@"(?i)https?:|www\.|mailto:", markdown);
    }

    [Theory]
    [MemberData(nameof(SwedishSlugs))]
    public void AnArabicPageUsesArabicPunctuationWesternDigitsAndTheArabicButtonLabels(string slug)
    {
        var arabic = Markdown("ar", slug);
        var prose = Regex.Replace(arabic, @"\]\([^)]*\)", "]"); // link targets are addresses, not prose
        Assert.DoesNotMatch("[,;?]", prose);
        Assert.DoesNotMatch("[\u0660-\u0669\u06F0-\u06F9]", prose);
        var swedish = Markdown("sv", slug);
        foreach (var (label, arabicLabel) in Buttons)
        {
            Assert.DoesNotContain(label, arabic);
            if (swedish.Contains($"**{label}**")) Assert.Contains($"**{arabicLabel}**", arabic);
        }
    }
}
