using Chat.Server.Conversations;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Content;

// The help pages in the repository (Content/Seed/<language>/<slug>.md, embedded) go into an empty store once, saved
// and published as version 1 by "seed". After that the running system is the source: coordinators edit there, and
// PageExport gives the published pages back as files of the same shape.
public sealed class ContentSeed(HelpPages pages, PageCache cache, ILogger<ContentSeed> logger) : BackgroundService
{
    private const string ResourcePrefix = "Chat.Server.Content.Seed.";
    private const string SeedUser = "seed";

    public sealed record SeedPage(string Language, string Slug, string Markdown);

    public static IReadOnlyList<SeedPage> Load()
    {
        var assembly = typeof(ContentSeed).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix) && name.EndsWith(".md"))
            .Select(name =>
            {
                var parts = name[ResourcePrefix.Length..^".md".Length].Split('/', '.');
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new SeedPage(parts[0], parts[1], reader.ReadToEnd());
            })
            .OrderBy(p => p.Slug, StringComparer.Ordinal).ThenBy(p => p.Language, StringComparer.Ordinal)
            .ToList();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RedisRetry.UntilAnswered(async () =>
    {
        var seeded = await Seed(Load());
        if (seeded == 0) return;
        ContentLog.Seeded(logger, seeded);
        // A reader may have come while the seed went in: no node keeps an index or page built from half of it.
        await cache.Changed();
    }, failed => ContentLog.SeedFailed(logger, failed), stoppingToken);

    // Each page and language that does not exist yet; one that exists (seeded by another node, or a start that
    // stopped half-way, or edited since) is left exactly as it is. A seed page first saved by a start that stopped
    // before publishing it stays unpublished: /staff/pages shows it, and a coordinator can publish it.
    public async Task<int> Seed(IReadOnlyList<SeedPage> seed)
    {
        var seeded = 0;
        // Read once what exists, so a start after the first costs one call instead of a refused save per page.
        var existing = (await pages.All()).ToHashSet();
        foreach (var page in seed.Where(page => !existing.Contains((page.Language, page.Slug))))
        {
            try
            {
                var version = await pages.Save(page.Language, page.Slug, page.Markdown, 0, SeedUser);
                await pages.Publish(page.Language, page.Slug, version.Version);
                seeded++;
            }
            catch (ChatError e) when (e.Code == "conflict")
            {
            }
        }
        return seeded;
    }
}
