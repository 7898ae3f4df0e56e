using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Parser;
using Chat.Server.Content;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// A young person reading the help pages: GET /{language}/{slug} and /{language}, served from each node's memory.
public sealed class ReadingTests : ChatTest
{
    private static async Task<(HttpStatusCode Status, string Html)> Read(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path).WaitAsync(ChatApp.Timeout);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<string> Headings(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("article h2").Select(h => h.TextContent).ToList();

    private static string Article(string html) => new HtmlParser().ParseDocument(html).QuerySelector("article")?.TextContent ?? "";

    [Fact]
    public async Task APublishedPageIsServedAsAWholeSmallDocumentThatNobodyStores()
    {
        await App.Seeded();
        using var client = App.NewClient();

        using var response = await client.GetAsync("/sv/i-fara-nu").WaitAsync(ChatApp.Timeout);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(html), response.Content.Headers.ContentLength);
        Assert.Equal(["no-store"], response.Headers.GetValues("Cache-Control"));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal(("sv", "ltr"), (document.DocumentElement.GetAttribute("lang"), document.DocumentElement.GetAttribute("dir")));
        Assert.Equal("Om du är i fara nu", document.QuerySelector("article h1")!.TextContent);
        Assert.Contains("Ring 112.", Article(html));
        Assert.Equal(["/en/i-fara-nu", "/ar/i-fara-nu"], document.QuerySelectorAll(".help-languages a").Select(a => a.GetAttribute("href")));
        Assert.Empty(document.QuerySelectorAll("[style], style, script:not([type=module])"));

        // The stylesheet it names is this site's, and is there.
        var css = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/_content/Chat\.Client/css/help\.[a-z0-9]+\.css$", css);
        using var stylesheet = await client.GetAsync(css).WaitAsync(ChatApp.Timeout);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
    }

    [Fact]
    public async Task AnUnpublishedOrUnknownPageIsNotFound()
    {
        await App.Seeded();
        await App.Get<HelpPages>().Save("sv", "utkast", "# Utkast\n\nhemligt än", 0, "anna");
        using var client = App.NewClient();

        foreach (var path in new[] { "/sv/utkast", "/sv/finns-inte", "/en/utkast" })
        {
            var (status, html) = await Read(client, path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("Sidan finns inte", html);
            Assert.DoesNotContain("hemligt", html);
        }
    }

    [Theory]
    [InlineData("/de/x")]
    [InlineData("/de")]
    [InlineData("/sv/..%2Fetc")]
    [InlineData("/sv/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/sv/Fara")]
    [InlineData("/SV/i-fara-nu")]
    [InlineData("/sv/i-f%D0%B0ra-nu")] // a Cyrillic а
    [InlineData("/sv/where-else-can-i-turn")]
    [InlineData("/en/vart-kan-jag-vanda-mig")]
    public async Task AddressesOutsideTheLanguagesAndPageNamesGetTheSameSmall404(string path)
    {
        var baseAddress = App.StartOnLoopback();
        await App.Seeded();
        using var client = new HttpClient { BaseAddress = baseAddress };

        var (status, html) = await Read(client, path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        var (_, unknown) = await Read(client, "/sv/finns-inte");
        Assert.Equal(unknown, html); // nothing about what was asked for
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("Sidan finns inte", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("This page does not exist", document.QuerySelector("[lang=en] h2")!.TextContent);
        var script = Assert.Single(document.Scripts); // only quick exit's module: the page itself needs none
        Assert.Contains("/js/quick-exit", script.Source);
    }

    [Fact]
    public async Task BrotliAndGzipHoldTheSameHtmlAsThePlainAnswer()
    {
        await App.Seeded();
        using var client = App.NewClient();

        async Task<(string? Encoding, byte[] Body)> Get(string? acceptEncoding)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/en/sexuella-overgrepp");
            if (acceptEncoding is not null) request.Headers.Add("Accept-Encoding", acceptEncoding);
            using var response = await client.SendAsync(request).WaitAsync(ChatApp.Timeout);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            return (response.Content.Headers.ContentEncoding.SingleOrDefault(), body);
        }

        var plain = await Get(null);
        var brotli = await Get("gzip, deflate, br");
        var gzip = await Get("gzip");
        Assert.Equal((null, "br", "gzip"), (plain.Encoding, brotli.Encoding, gzip.Encoding));
        Assert.Equal(plain.Body, Streams.Decompress(new BrotliStream(new MemoryStream(brotli.Body), CompressionMode.Decompress)));
        Assert.Equal(plain.Body, Streams.Decompress(new GZipStream(new MemoryStream(gzip.Body), CompressionMode.Decompress)));
        Assert.True(brotli.Body.Length < plain.Body.Length / 2, $"{brotli.Body.Length} of {plain.Body.Length} bytes");
    }

    [Fact]
    public async Task TheCallToActionSaysOpenOnceACounsellorIsOnDutyAndClosedAgainAfter()
    {
        await App.Seeded();
        using var client = App.NewClient();
        static string State(string html) => new HtmlParser().ParseDocument(html).QuerySelector(".chat-state")!.TextContent;

        Assert.Equal(Words.In("sv")["help.chatClosed"], State((await Read(client, "/sv/medan-du-vantar")).Html));
        await App.Get<DutyRoster>().GoOnDuty("ulla", 1);
        await HubEvents.Eventually(async () => State((await Read(client, "/sv/medan-du-vantar")).Html), s => s == Words.In("sv")["help.chatOpen"], "the page saying open");
        Assert.Equal(Words.In("en")["help.chatOpen"], State((await Read(client, "/en")).Html));

        await App.Get<DutyRoster>().GoOffDuty("ulla");
        await HubEvents.Eventually(async () => State((await Read(client, "/sv/medan-du-vantar")).Html), s => s == Words.In("sv")["help.chatClosed"], "the page saying closed");
    }

    [Fact]
    public async Task APagePublishedOnOneNodeIsServedNewOnTheOther()
    {
        await App.Seeded();
        var other = Own(new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: App.KeyPrefix));
        var pages = App.Get<HelpPages>();
        var v1 = await pages.Save("sv", "nyhet", "# Nyhet\n\nförsta texten", 0, "anna");
        await pages.Publish("sv", "nyhet", v1.Version);
        await App.Get<PageCache>().Changed("sv", "nyhet");
        using var client = other.NewClient();
        Assert.Contains("första texten", Article((await Read(client, "/sv/nyhet")).Html));
        Assert.DoesNotContain("/en/nyhet", (await Read(client, "/sv/nyhet")).Html);

        var v2 = await pages.Save("sv", "nyhet", "# Nyhet\n\nandra texten", v1.Version, "anna");
        await pages.Publish("sv", "nyhet", v2.Version);
        var english = await pages.Save("en", "nyhet", "# News\n\nin English", 0, "anna");
        await pages.Publish("en", "nyhet", english.Version);
        await App.Get<PageCache>().Changed("sv", "nyhet");
        await App.Get<PageCache>().Changed("en", "nyhet");

        var html = await HubEvents.Eventually(async () => (await Read(client, "/sv/nyhet")).Html, h => Article(h).Contains("andra texten"), "node B serving the new version");
        Assert.Contains("href=\"/en/nyhet\"", html);
        Assert.Contains("href=\"/sv/nyhet\"", (await Read(client, "/en/nyhet")).Html);

        await pages.Unpublish("sv", "nyhet");
        await App.Get<PageCache>().Changed("sv", "nyhet");
        await HubEvents.Eventually(async () => (await Read(client, "/sv/nyhet")).Status, s => s == HttpStatusCode.NotFound, "node B dropping the unpublished page");
    }

    [Fact]
    public async Task TheIndexListsThePublishedPagesOfItsLanguageAndWhereElseToTurn()
    {
        await App.Seeded();
        var pages = App.Get<HelpPages>();
        await pages.Save("sv", "utkast", "# Ett utkast\n\n.", 0, "anna");
        using var client = App.NewClient();

        var (status, html) = await Read(client, "/sv");
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("article li a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Om du är i fara nu", links["/sv/i-fara-nu"]);
        Assert.Equal("Vart kan jag vända mig?", links["/sv/vart-kan-jag-vanda-mig"]);
        Assert.Equal(ContentSeed.Load().Count(p => p.Language == "sv") + 1, links.Count);
        Assert.DoesNotContain("/sv/utkast", links.Keys);

        // A page published later (and announced) joins the list.
        var draft = (await pages.Draft("sv", "utkast"))!;
        await pages.Publish("sv", "utkast", draft.Latest.Version);
        await App.Get<PageCache>().Changed("sv", "utkast");
        Assert.Contains("href=\"/sv/utkast\"", (await Read(client, "/sv")).Html);

        var arabic = new HtmlParser().ParseDocument((await Read(client, "/ar")).Html);
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        var arabicLinks = arabic.QuerySelectorAll("article li a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.Equal("إذا كنت في خطر الآن", arabicLinks["/ar/i-fara-nu"]);
        Assert.Equal(ContentSeed.Load().Where(p => p.Language == "ar").Select(p => $"/ar/{p.Slug}").Append("/ar/where-else-can-i-turn").Order(),
            arabicLinks.Keys.Order());
    }

    [Fact]
    public async Task WhereElseToTurnListsTheDirectoryAndFollowsItsChanges()
    {
        await App.Seeded();
        var directory = App.Get<ServiceDirectory>();
        using var client = App.NewClient();

        var (status, html) = await Read(client, "/sv/vart-kan-jag-vanda-mig");
        var headings = Headings(html);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("112", headings[0]);
        Assert.Contains("Stödcentrum", headings);
        Assert.Equal((await directory.All()).Count, headings.Count);
        Assert.Equal(HttpStatusCode.OK, (await Read(client, "/en/where-else-can-i-turn")).Status);

        var stodcentrum = (await directory.Find("stodcentrum"))!;
        await directory.Save(stodcentrum with { Contact = "Ring 08-508 00 000 <script>alert(1)</script> [x](javascript:alert(1))" });
        html = await HubEvents.Eventually(async () => (await Read(client, "/sv/vart-kan-jag-vanda-mig")).Html, h => h.Contains("08-508 00 000"), "the page showing the new contact");
        var document = new HtmlParser().ParseDocument(html);
        Assert.Contains("Kontakt: Ring 08-508 00 000 <script>alert(1)</script> [x](javascript:alert(1))",
            document.QuerySelector("article")!.TextContent.Replace("\u2068", "").Replace("\u2069", ""));
        Assert.Single(document.Scripts);
        Assert.Equal(["tel:112"], document.QuerySelectorAll("article a").Select(a => a.GetAttribute("href")));

        await directory.Remove("stodcentrum");
        await HubEvents.Eventually(async () => Headings((await Read(client, "/en/where-else-can-i-turn")).Html), h => h.Count > 1 && !h.Contains("Stödcentrum"),
            "the page without the removed service");
    }

    [Fact]
    public async Task CoordinatorsCannotTakeTheGeneratedPagesAddresses()
    {
        var pages = App.Get<HelpPages>();

        foreach (var slug in new[] { "vart-kan-jag-vanda-mig", "where-else-can-i-turn" })
        {
            var refused = await Assert.ThrowsAsync<ChatError>(() => pages.Save("sv", slug, "# Kapad\n\ntext", 0, "anna")).WaitAsync(ChatApp.Timeout);
            Assert.Equal("reserved-slug", refused.Code);
            Assert.Null(await pages.Draft("sv", slug));
        }
    }
}
