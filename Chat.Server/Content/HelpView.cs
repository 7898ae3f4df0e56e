using Chat.Client.Texts;

namespace Chat.Server.Content;

// Another language of the same page, or another language's index.
public sealed record LanguageLink(string Language, string Name, string Href, bool RightToLeft);

// The static files a reading page loads, by the addresses SiteAssets found.
public sealed record HelpAssets(string Css, string Icon, string QuickExitScript, string ExitUrl);

// Everything one reading page shows: ArticleHtml is PageRenderer's output (already safe), the rest is text.
public sealed record HelpView(
    string Language,
    bool RightToLeft,
    string Title,
    string ArticleHtml,
    IReadOnlyList<LanguageLink> Variants,
    string? IndexHref,
    bool ChatOpen,
    Language Words,
    HelpAssets Assets);
