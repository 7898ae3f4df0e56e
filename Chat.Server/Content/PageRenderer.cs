using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Chat.Server.Content;

public sealed record RenderedPage(string Title, string Html);

// Markdown to HTML for help pages: one pipeline, built once. Raw HTML is off (it shows as text); a link keeps
// its target only if it is https:, mailto:, tel:, a page of this site or an anchor, otherwise its text stays
// as plain text; an image only if it comes from this site; headings get anchors; tables work.
public static partial class PageRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseReferralLinks("noopener", "noreferrer")
        .Build();

    // The title is the first level-1 heading ("# Title"), required, so a page always has one.
    public static string? Title(string markdown) =>
        Markdown.Parse(markdown, Pipeline).Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } inline }
            ? PlainText(inline).Trim()
            : null;

    public static RenderedPage Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList()) Police(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            if (!IsAllowedLink(autolink.Url)) autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } inline } ? PlainText(inline).Trim() : "";
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return new RenderedPage(title, writer.ToString());
    }

    // A link that may not keep its target becomes its own text; an image that may not load becomes its description.
    private static void Police(LinkInline link)
    {
        var allowed = link.IsImage ? IsAllowedImage(link.Url) : IsAllowedLink(link.Url);
        if (allowed) return;
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
            return;
        }
        Inline anchor = link;
        foreach (var child in link.ToList())
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }

    // Decided on the URL as Markdig decoded it (entities and escapes resolved), whole-string matches only.
    public static bool IsAllowedLink(string? url) => url is not null && (AllowedLink().IsMatch(url) || IsOwnPath(url));

    public static bool IsAllowedImage(string? url) => url is not null && IsOwnPath(url);

    // A path on this site: starts with one slash (two would be another host) and has no backslash or spaces.
    private static bool IsOwnPath(string url) => OwnPath().IsMatch(url);

    private static string PlainText(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    [GeneratedRegex(@"^(https://[^\s\\<>""]+|mailto:[^\s\\<>"":/]+@[^\s\\<>""]+|tel:\+?[0-9][0-9 \-]*|#[A-Za-z0-9\-_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedLink();

    [GeneratedRegex(@"^/(?![/\\])[A-Za-z0-9\-._~/%#?=&]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnPath();
}
