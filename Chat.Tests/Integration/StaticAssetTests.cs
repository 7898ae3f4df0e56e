using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// What a phone gets for the youth page's scripts and styles, as the build serves them (ops/run.sh runs a build):
// fingerprinted addresses, Brotli or gzip as asked, and kept for a year; the page itself is compressed too and
// never stored.
public sealed partial class StaticAssetTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheYouthPageIsSentCompressedAsAskedAndNeverStored()
    {
        using var client = _app.NewClient();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var page = await Get(client, "/", encoding);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
            Assert.Equal(encoding, page.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Contains("id=\"youth-page\"", Encoding.UTF8.GetString(Decode(await page.Content.ReadAsByteArrayAsync(), encoding)));
        }
    }

    [Fact]
    public async Task TheYouthPagesScriptsAndStylesAreFingerprintedCompressedAndKeptForAYear()
    {
        using var client = _app.NewClient();
        var assets = Assets(await client.GetStringAsync("/").Within(ChatApp.Timeout, "GET /"));
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            Assert.Matches(Fingerprinted(), asset);
            var plain = await Body(client, asset, "identity", expectedEncoding: null);
            Assert.Equal(plain, Decode(await Body(client, asset, "br", "br"), "br"));
            Assert.Equal(plain, Decode(await Body(client, asset, "gzip", "gzip"), "gzip"));
        }
    }

    // The scripts and stylesheets the page loads (not links to other pages).
    private static List<string> Assets(string html) =>
        ScriptOrStylesheet().Matches(html).Select(m => m.Groups["url"].Value).ToList();

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request).Within(ChatApp.Timeout, $"GET {path} ({acceptEncoding})");
    }

    private static async Task<byte[]> Body(HttpClient client, string asset, string acceptEncoding, string? expectedEncoding)
    {
        using var response = await Get(client, "/" + asset.TrimStart('/'), acceptEncoding);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedEncoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        var caching = response.Headers.CacheControl;
        Assert.True(caching is { MaxAge.TotalDays: >= 365 } && caching.Extensions.Any(e => e.Name == "immutable"),
            $"{asset} ({acceptEncoding}) is sent with Cache-Control: {caching}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("""<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="(?<url>[^"]+)""")]
    private static partial Regex ScriptOrStylesheet();

    // name.<fingerprint>.ext, as MapStaticAssets names them.
    [GeneratedRegex(@"\.[a-z0-9]{8,}\.(?:bundle\.scp\.)?(?:js|css)$")]
    private static partial Regex Fingerprinted();
}
