using Chat.Server.Content;
using Chat.Server.Conversations;
using Chat.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Chat.Tests.Integration;

// Help pages as data: versions, conflicts between two coordinators, the seed, export, and the cache on two nodes.
public sealed class HelpPagesTests : IAsyncLifetime
{
    private readonly ChatApp _a = ChatApp.OnSharedRedis();
    private readonly ChatApp _b;

    public HelpPagesTests() => _b = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: _a.KeyPrefix);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task EveryPageInTheRepositoryIsSeededAndPublishedInSwedishEnglishAndArabic()
    {
        var seed = ContentSeed.Load();
        Assert.True(seed.Count >= 36, $"only {seed.Count} seed pages");
        Assert.Equal(seed.Where(p => p.Language == "sv").Select(p => p.Slug), seed.Where(p => p.Language == "en").Select(p => p.Slug));
        Assert.Equal(seed.Where(p => p.Language == "sv").Select(p => p.Slug), seed.Where(p => p.Language == "ar").Select(p => p.Slug));
        Assert.All(seed, p => Assert.True(Slugs.IsSlug(p.Slug) && PageRenderer.Title(p.Markdown) is { Length: > 0 }, p.Slug));

        var pages = _a.Get<HelpPages>();
        // The seed goes in page by page in the background while the node starts.
        await _a.Seeded();
        var published = (await pages.Published("sv", "i-fara-nu"))!;
        Assert.Equal((1, "Om du är i fara nu"), (published.Version, published.Title));
        var arabic = (await pages.Published("ar", "i-fara-nu"))!;
        Assert.Equal((1, "إذا كنت في خطر الآن"), (arabic.Version, arabic.Title));
        Assert.Equal(seed.Count, (await pages.All()).Count);
        Assert.Equal(0, await new ContentSeed(pages, _a.Get<PageCache>(), _a.Get<ILogger<ContentSeed>>()).Seed(seed)); // never twice
    }

    [Fact]
    public async Task TheSecondOfTwoCoordinatorsSavingTheSamePageIsRefusedAndNothingIsOverwritten()
    {
        var pages = _a.Get<HelpPages>();
        var first = await pages.Save("sv", "prov", "# Prov\n\nförsta", 0, "anna");
        var both = await Task.WhenAll(
            Attempt(() => _a.Get<HelpPages>().Save("sv", "prov", "# Prov\n\nannas ändring", first.Version, "anna")),
            Attempt(() => _b.Get<HelpPages>().Save("sv", "prov", "# Prov\n\nbertils ändring", first.Version, "bertil")));
        Assert.Single(both, code => code is null);
        Assert.Single(both, code => code == "conflict");
        var history = await pages.History("sv", "prov");
        Assert.Equal([2, 1], history.Select(v => v.Version));
        Assert.Contains(history[0].Markdown, new[] { "# Prov\n\nannas ändring", "# Prov\n\nbertils ändring" });

        // Publishing names the version previewed: an older one is a conflict too.
        Assert.Equal("conflict", await Attempt(() => pages.Publish("sv", "prov", 1)));
        await pages.Publish("sv", "prov", 2);
        Assert.Equal(2, (await pages.Published("sv", "prov"))!.Version);
    }

    [Theory]
    [InlineData("de", "prov", "# Prov", "invalid-language")]
    [InlineData("sv", "../prov", "# Prov", "invalid-slug")]
    [InlineData("sv", "prоv", "# Prov", "invalid-slug")] // a Cyrillic о
    [InlineData("sv", "prov", "ingen rubrik", "missing-title")]
    [InlineData("sv", "prov", "# Prov\n\u0007", "invalid-characters")]
    public async Task BadPagesAreRefusedAndNothingIsSaved(string language, string slug, string markdown, string code)
    {
        var pages = _a.Get<HelpPages>();
        Assert.Equal(code, await Attempt(() => pages.Save(language, slug, markdown, 0, "anna")));
        Assert.Null(await pages.Draft("sv", "prov"));
    }

    [Fact]
    public async Task AnEnormousPageIsRefused()
    {
        var pages = _a.Get<HelpPages>();
        Assert.Equal("page-too-large", await Attempt(() => pages.Save("sv", "stor", "# Stor\n\n" + new string('a', 40_000), 0, "anna")));
        Assert.Null(await pages.Draft("sv", "stor"));
    }

    [Fact]
    public async Task APageChangedOnOneNodeIsDroppedFromTheOtherNodesCache()
    {
        var pages = _a.Get<HelpPages>();
        await _a.Seeded();
        await _b.Seeded();
        var v1 = await pages.Save("sv", "cache", "# Cache\n\nett", 0, "anna");
        await pages.Publish("sv", "cache", v1.Version);
        var cacheB = _b.Get<PageCache>();
        async Task<string?> ReadOnB() => (await cacheB.GetOrAdd("sv", "cache", "", async () =>
            await _b.Get<HelpPages>().Published("sv", "cache") is { } p ? PageRenderer.Render(p.Markdown) : null))?.Html;
        Assert.Contains("ett", await ReadOnB());

        var v2 = await pages.Save("sv", "cache", "# Cache\n\ntvå", v1.Version, "anna");
        await pages.Publish("sv", "cache", v2.Version);
        Assert.Contains("ett", await ReadOnB()); // still the cached copy: nobody said it changed
        await _a.Get<PageCache>().Changed("sv", "cache");
        await HubEvents.Eventually(ReadOnB, html => html?.Contains("två") == true, "node B dropping its copy");
    }

    [Fact]
    public async Task ACoordinatorDownloadsThePublishedPagesAsMarkdownFilesInTheSeedsLayout()
    {
        var pages = _a.Get<HelpPages>();
        var seeded = ContentSeed.Load();
        await _a.Seeded();
        var draft = await pages.Save("sv", "utkast", "# Utkast\n\ninte publicerad", 0, "anna");

        await _a.CreateStaff("cora", Chat.Server.Staff.StaffRoles.Coordinator);
        using var client = _a.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff/pages/export");
        request.Headers.Add("Cookie", await _a.SignIn("cora"));
        using var response = await client.SendAsync(request).WaitAsync(ChatApp.Timeout);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(seeded.Select(p => $"{p.Language}/{p.Slug}.md").Order(), zip.Entries.Select(e => e.FullName).Order());
        var seed = seeded.Single(p => p.Language == "en" && p.Slug == "i-fara-nu");
        using var reader = new StreamReader(zip.GetEntry("en/i-fara-nu.md")!.Open());
        Assert.Equal(seed.Markdown.Replace("\r\n", "\n"), await reader.ReadToEndAsync());
        Assert.Equal(1, draft.Version); // saved but not published: not exported

        await _a.CreateStaff("ulla");
        var refused = new HttpRequestMessage(HttpMethod.Get, "/staff/pages/export");
        refused.Headers.Add("Cookie", await _a.SignIn("ulla"));
        using var denied = await client.SendAsync(refused).WaitAsync(ChatApp.Timeout);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, denied.StatusCode);
    }

    private static async Task<string?> Attempt(Func<Task> action)
    {
        try
        {
            await action().WaitAsync(ChatApp.Timeout);
            return null;
        }
        catch (ChatError e)
        {
            return e.Code;
        }
    }
}
