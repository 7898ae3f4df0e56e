using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Chat.Client.Texts;
using Chat.Server.Handover;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Chat.Server.Content;

// The reading pages as finished bytes: a published page, a language's index and the generated "where else you
// can turn", each rendered once per (language, page, chat open or closed) by the framework's HtmlRenderer and
// kept in the PageCache until a change there. A page view then costs a dictionary lookup and a write.
public sealed class HelpDocuments(
    HelpPages pages,
    ServiceDirectory directory,
    PageCache cache,
    SiteAssets siteAssets,
    TextCatalog texts,
    IConfiguration configuration,
    IServiceProvider services,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly (AsyncServiceScope Scope, HtmlRenderer Renderer) _rendering = NewRenderer(services, loggers);
    private Task<HelpResponse>? _notFound;

    private static string Variant(bool open) => open ? "open" : "closed";

    // Null when there is no such published page (or the address is reserved for another language's generated page).
    public Task<HelpResponse?> Page(string language, string slug, bool open)
    {
        if (slug == WhereElse.SlugFor(texts.For(language))) return cache.GetOrAdd(language, slug, Variant(open), () => BuildWhereElse(language, open));
        if (Slugs.IsReserved(slug)) return Task.FromResult<HelpResponse?>(null);
        return cache.GetOrAdd(language, slug, Variant(open), () => BuildPage(language, slug, open));
    }

    public Task<HelpResponse?> Index(string language, bool open) =>
        cache.GetOrAdd(language, PageCache.Index, Variant(open), () => BuildIndex(language, open));

    // The same bytes for every unknown address.
    public Task<HelpResponse> NotFound() => _notFound ??= Render<HelpNotFound>(new()
    {
        [nameof(HelpNotFound.Css)] = siteAssets.Url(SiteAssets.HelpCss),
        [nameof(HelpNotFound.ExitUrl)] = ExitUrl,
        [nameof(HelpNotFound.QuickExitScript)] = siteAssets.Url(SiteAssets.QuickExitScript),
    });

    private async Task<HelpResponse?> BuildPage(string language, string slug, bool open)
    {
        if (await pages.Published(language, slug) is not { } page) return null;
        var others = texts.Codes.Where(l => l != language).ToList();
        var published = await Task.WhenAll(others.Select(other => pages.Published(other, slug)));
        var variants = others.Where((_, i) => published[i] is not null).Select(other => Link(other, $"/{other}/{slug}")).ToList();
        return await Document(language, PageRenderer.Render(page.Markdown), variants, $"/{language}", open);
    }

    private async Task<HelpResponse?> BuildIndex(string language, bool open)
    {
        var words = texts.For(language);
        var slugs = (await pages.All()).Where(p => p.Language == language).Select(p => p.Slug).ToList();
        var published = await Task.WhenAll(slugs.Select(slug => pages.Published(language, slug)));
        var entries = published.OfType<PublishedPage>().Select(page => (page.Title, page.Slug)).ToList();
        entries.Add((words["whereElse.title"], WhereElse.SlugFor(words)));
        var order = StringComparer.Create(WhereElse.Culture(language), ignoreCase: true);
        var markdown = new StringBuilder("# ").Append(words["help.indexTitle"]).Append("\n\n");
        foreach (var (title, slug) in entries.OrderBy(e => e.Title, order))
            markdown.Append("- [").Append(WhereElse.Escape(title)).Append("](/").Append(language).Append('/').Append(slug).Append(")\n");
        var variants = texts.Codes.Where(l => l != language).Select(other => Link(other, $"/{other}")).ToList();
        return await Document(language, PageRenderer.Render(markdown.ToString()), variants, indexHref: null, open);
    }

    private async Task<HelpResponse?> BuildWhereElse(string language, bool open)
    {
        var markdown = WhereElse.Markdown(await directory.All(), texts.For(language));
        var variants = texts.Offered.Where(l => l.Code != language).Select(other => Link(other.Code, $"/{other.Code}/{WhereElse.SlugFor(other)}")).ToList();
        return await Document(language, PageRenderer.Render(markdown), variants, $"/{language}", open);
    }

    private LanguageLink Link(string language, string href) => new(language, texts.For(language).Name, href, texts.For(language).RightToLeft);

    private Task<HelpResponse> Document(string language, RenderedPage page, IReadOnlyList<LanguageLink> variants, string? indexHref, bool open) =>
        Render<HelpDocument>(new()
        {
            [nameof(HelpDocument.View)] = new HelpView(language, texts.For(language).RightToLeft, page.Title, page.Html, variants, indexHref, open,
                texts.For(language), new HelpAssets(siteAssets.Url(SiteAssets.HelpCss), siteAssets.Url(SiteAssets.Icon), siteAssets.Url(SiteAssets.QuickExitScript), ExitUrl)),
        });

    private async Task<HelpResponse> Render<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        HelpResponse.Of(await Html<TComponent>(_rendering.Renderer, parameters));

    // One component to a string of HTML, outside any request (also what the component tests call).
    public static Task<string> Html<TComponent>(HtmlRenderer renderer, Dictionary<string, object?> parameters) where TComponent : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());

    private string ExitUrl => configuration["QuickExit:Url"] is { Length: > 0 } url ? url : "https://www.smhi.se/";

    // The renderer asks for some scoped services of the components framework: it gets a scope of its own, for the node's life.
    private static (AsyncServiceScope, HtmlRenderer) NewRenderer(IServiceProvider services, ILoggerFactory loggers)
    {
        var scope = services.CreateAsyncScope();
        return (scope, new HtmlRenderer(new PlainUnicode(scope.ServiceProvider), loggers));
    }

    public async ValueTask DisposeAsync()
    {
        await _rendering.Renderer.DisposeAsync();
        await _rendering.Scope.DisposeAsync();
    }

    // Letters as UTF-8 rather than as &#x…; entities (Arabic text would grow fourfold); the characters that
    // make markup (< > & " ') are encoded all the same. Only for these documents, not the rest of the site.
    private sealed class PlainUnicode(IServiceProvider services) : IServiceProvider
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : services.GetService(serviceType);
    }
}
