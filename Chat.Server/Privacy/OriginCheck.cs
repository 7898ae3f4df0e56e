using Microsoft.Extensions.Options;

namespace Chat.Server.Privacy;

// The hubs (negotiate and the WebSocket handshake) and the leave beacon refuse a browser on another site (403), so no
// page elsewhere can speak to them in a visitor's name: a browser always sends Origin on these requests. Allowed: the
// request's own scheme and host, and Privacy:AllowedOrigins. A request without Origin is not from a page in a browser
// (a native app, a test, curl), and such a client could send any Origin it liked, so refusing it would protect nothing.
public static class OriginCheck
{
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        var allowed = options.AllowedOrigins.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var logger = app.ApplicationServices.GetRequiredService<ILogger<PrivacyOptions>>();
        return app.Use((context, next) =>
        {
            var request = context.Request;
            var guarded = request.Path.StartsWithSegments("/hubs")
                || (HttpMethods.IsPost(request.Method) && request.Path.Equals("/youth/leave", StringComparison.OrdinalIgnoreCase));
            if (!guarded || request.Headers.Origin.Count == 0) return next();
            var origin = request.Headers.Origin.Count == 1 ? Normalize(request.Headers.Origin[0] ?? "") : "";
            if (origin.Equals($"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin)) return next();
            PrivacyLog.ForeignOrigin(logger, request.Path.StartsWithSegments("/hubs") ? "hub" : "leave beacon");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
    }

    private static string Normalize(string origin) => origin.Trim().TrimEnd('/');
}
