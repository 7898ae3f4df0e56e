using System.Collections.Concurrent;
using Microsoft.AspNetCore.StaticAssets;

namespace Chat.Server.Content;

// The fingerprinted address of a static file (e.g. css/help.abc123.css, cached by the phone for good), as the
// Razor pages get it from @Assets. Documents rendered outside a request have no @Assets, so the address is read
// from the static-asset endpoints' own descriptors; the plain address is the fallback, and it works too.
public sealed class SiteAssets(EndpointDataSource endpoints)
{
    public const string HelpCss = "_content/Chat.Client/css/help.css";
    public const string Icon = "_content/Chat.Client/favicon.svg";
    public const string QuickExitScript = "_content/Chat.Client/js/quick-exit.js";

    private readonly ConcurrentDictionary<string, string> _urls = new();

    public string Url(string asset) => _urls.GetOrAdd(asset, Find);

    private string Find(string asset) =>
        endpoints.Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>())
            .FirstOrDefault(d => d is not null
                && d.Properties.Any(p => p.Name == "label" && p.Value == asset)
                && d.Properties.Any(p => p.Name == "fingerprint")) is { } descriptor
            ? "/" + descriptor.Route
            : "/" + asset;
}
