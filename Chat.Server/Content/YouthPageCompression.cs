using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Chat.Server.Content;

// The youth page is rendered for each request (its opening status is live), so it is compressed as it is sent:
// about 17 KB of HTML become about 4 on a phone's slow connection (issue 9). Only this page: it holds no secret
// (no antiforgery token, no session) and echoes nothing from the request, so compressing it over HTTPS gives
// BREACH nothing to guess. Staff pages, which carry tokens, stay as they are; help pages compress themselves.
public static class YouthPageCompression
{
    public static IServiceCollection AddYouthPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    public static IApplicationBuilder UseYouthPageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path == "/", page => page.UseResponseCompression());
}
