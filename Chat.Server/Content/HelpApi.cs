using Chat.Client.Texts;

namespace Chat.Server.Content;

// Reading the help pages: GET /{language} (the index) and GET /{language}/{slug}, one literal route per
// configured language, so no other word can ever be taken for a language. Any other one- or two-segment GET
// that nothing else answers gets the same small 404 page. Bytes come from memory (HelpDocuments) in the
// encoding the browser takes; the Cache-Control stays the site's no-store, as the page says whether the chat is open.
public static class HelpApi
{
    public static IEndpointRouteBuilder MapHelpPages(this IEndpointRouteBuilder app)
    {
        var documents = app.ServiceProvider.GetRequiredService<HelpDocuments>();
        var openNow = app.ServiceProvider.GetRequiredService<ChatOpenNow>();
        foreach (var language in app.ServiceProvider.GetRequiredService<TextCatalog>().Codes)
        {
            app.MapGet($"/{language}", async context =>
                await Write(context, IsExactly(context, language) ? await documents.Index(language, await openNow.IsOpen()) : null, documents));
            app.MapGet($"/{language}/{{slug}}", async context =>
            {
                var slug = context.Request.RouteValues["slug"] as string;
                var page = IsExactly(context, language) && Slugs.IsSlug(slug) ? await documents.Page(language, slug!, await openNow.IsOpen()) : null;
                await Write(context, page, documents);
            });
        }
        // Lower priority than every other route (Order 1): only what nothing else matched comes here.
        app.MapGet("/{first}", context => Write(context, null, documents)).WithOrder(1);
        app.MapGet("/{first}/{second}", context => Write(context, null, documents)).WithOrder(1);
        return app;
    }

    // Literal routes match regardless of case; a page has one address only, in lowercase.
    private static bool IsExactly(HttpContext context, string language) =>
        context.Request.Path.Value is { } path && path.AsSpan(1).StartsWith(language, StringComparison.Ordinal);

    // Null: the 404 page, the same for every address.
    private static async Task Write(HttpContext context, HelpResponse? page, HelpDocuments documents)
    {
        var response = context.Response;
        response.StatusCode = page is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        page ??= await documents.NotFound();
        var coding = HelpResponse.Choose(context.Request.Headers.AcceptEncoding);
        var bytes = page.In(coding);
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = bytes.Length;
        response.Headers.Vary = "Accept-Encoding";
        if (coding != ContentCoding.Identity) response.Headers.ContentEncoding = coding == ContentCoding.Brotli ? "br" : "gzip";
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
