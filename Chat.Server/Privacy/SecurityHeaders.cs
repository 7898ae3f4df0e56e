namespace Chat.Server.Privacy;

// Headers on every response: nothing loads from elsewhere, nothing is cached or indexed,
// and no address leaks to another site through the Referer header.
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Pages and API answers are never stored on the phone; fingerprinted static assets set their own caching.
        context.Response.OnStarting(() =>
        {
            if (!context.Response.Headers.ContainsKey("Cache-Control")) context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next();
    });
}
