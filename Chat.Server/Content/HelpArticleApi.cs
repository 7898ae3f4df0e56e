using System.Net;
using Chat.Client.Texts;
using StackExchange.Redis;

namespace Chat.Server.Content;

// A published page's article alone, as an HTML fragment, for the reader inside the chat page: the young person
// reads without leaving the page that holds their place in the queue. Only what PageRenderer made is in it.
public static class HelpArticleApi
{
    public static void MapHelpArticles(this IEndpointRouteBuilder app) => app.MapGet("/help-article/{language}/{slug}", Article);

    private static async Task<IResult> Article(
        string language, string slug, HelpPages pages, PageCache cache, Handover.ServiceDirectory directory, TextCatalog texts)
    {
        if (!texts.IsOffered(language) || !Slugs.IsSlug(slug)) return Results.NotFound();
        var words = texts.For(language);
        try
        {
            // "Where else you can turn" is made from the service directory, not stored.
            var html = await cache.GetOrAdd(language, slug, "article", async () =>
                slug == WhereElse.SlugFor(words)
                    ? Fragment(new PublishedPage(language, slug, "", WhereElse.Markdown(await directory.All(), words), 0), words.RightToLeft)
                    : await pages.Published(language, slug) is { } page ? Fragment(page, words.RightToLeft) : null);
            return html is null ? Results.NotFound() : Results.Text(html, "text/html; charset=utf-8");
        }
        catch (Exception e) when (Storage.RedisRetry.IsUnavailable(e))
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static string Fragment(PublishedPage page, bool rightToLeft) =>
        $"""<article class="help-article" lang="{WebUtility.HtmlEncode(page.Language)}" dir="{(rightToLeft ? "rtl" : "ltr")}">""" + "\n"
        + PageRenderer.Render(page.Markdown).Html + "</article>\n";
}
