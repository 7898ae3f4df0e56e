using Chat.Client.Texts;
using System.Text.Json;
using Chat.Server.Conversations;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Content;

// One saved version of a page in one language.
public sealed record PageVersion(int Version, string Title, string Markdown, long SavedAt, string SavedBy);

// A page in one language as the editor sees it: the latest saved version, and which version readers see (0 = none).
public sealed record PageDraft(string Language, string Slug, PageVersion Latest, int PublishedVersion, long PublishedAt)
{
    public bool IsPublished => PublishedVersion > 0;
}

// A published page as readers get it.
public sealed record PublishedPage(string Language, string Slug, string Title, string Markdown, int Version);

// Help pages in Redis: every save is a new version (the history keeps the last few), readers see the
// published one. Saves and publishing name the version they build on, so two coordinators can never
// overwrite each other without knowing: the second gets "conflict".
public sealed class HelpPages(RedisConnection redis, IOptions<ContentOptions> options, TextCatalog texts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private RedisKeys Keys => redis.Keys;
    private ContentOptions Options => options.Value;

    public string Language(string? value) =>
        value is not null && texts.IsOffered(value) ? value
            : throw new ChatError("invalid-language", $"Pages can be written in: {string.Join(", ", texts.Codes)}.");

    public static string Slug(string? value) =>
        !Slugs.IsSlug(value) ? throw new ChatError("invalid-slug", "An address is lowercase a–z and 0–9 in words joined by single dashes, at most 80 characters.")
        : Slugs.IsReserved(value) ? throw new ChatError("reserved-slug", $"The address {value} belongs to a page the system makes from the service directory; choose another.")
        : value!;

    // expectedVersion: the version the editor started from (0 for a new page).
    public async Task<PageVersion> Save(string? language, string? slug, string? markdown, int expectedVersion, string user)
    {
        var (lang, name) = (Language(language), Slug(slug));
        var text = (markdown ?? "").Replace("\r\n", "\n").Replace('\r', '\n');
        if (text.Length > Options.MaxMarkdownLength)
            throw new ChatError("page-too-large", $"A page can be at most {Options.MaxMarkdownLength} characters.");
        if (!TextRules.IsPrintable(text)) throw new ChatError("invalid-characters", "The page contains characters that cannot be saved.");
        var title = PageRenderer.Title(text) is { Length: > 0 and <= 120 } t ? t
            : throw new ChatError("missing-title", "A page starts with its title as a first-level heading: # Title (at most 120 characters).");
        var version = new PageVersion(expectedVersion + 1, title, text, clock.GetUtcNow().ToUnixTimeMilliseconds(), user);
        var result = (string)(await redis.Database.ScriptEvaluateAsync(SaveScript,
            [Keys.Page(lang, name), Keys.PageHistory(lang, name), Keys.Pages],
            [$"{lang}:{name}", expectedVersion, version.Version, JsonSerializer.Serialize(version, Json), Options.HistoryLength]))!;
        return result == "ok" ? version : throw Conflict();
    }

    // Makes exactly the version the coordinator previewed the one readers see.
    public async Task Publish(string? language, string? slug, int version)
    {
        var (lang, name) = (Language(language), Slug(slug));
        var result = (string)(await redis.Database.ScriptEvaluateAsync(PublishScript,
            [Keys.Page(lang, name), Keys.PageHistory(lang, name)], [version, clock.GetUtcNow().ToUnixTimeMilliseconds()]))!;
        if (result == "unknown") throw UnknownPage();
        if (result != "ok") throw Conflict();
    }

    public async Task Unpublish(string? language, string? slug)
    {
        var (lang, name) = (Language(language), Slug(slug));
        if ((long)await redis.Database.ScriptEvaluateAsync(UnpublishScript, [Keys.Page(lang, name)]) == 0) throw UnknownPage();
    }

    public async Task<PageDraft?> Draft(string language, string slug)
    {
        var fields = await redis.Database.HashGetAsync(Keys.Page(language, slug), ["published", "publishedAt"]);
        var latest = await redis.Database.ListGetByIndexAsync(Keys.PageHistory(language, slug), 0);
        if (latest.IsNull) return null;
        return new PageDraft(language, slug, JsonSerializer.Deserialize<PageVersion>((string)latest!, Json)!, (int)(long)fields[0], (long)fields[1]);
    }

    // Newest first.
    public async Task<IReadOnlyList<PageVersion>> History(string language, string slug) =>
        (await redis.Database.ListRangeAsync(Keys.PageHistory(language, slug)))
            .Select(v => JsonSerializer.Deserialize<PageVersion>((string)v!, Json)!).ToList();

    public async Task<PublishedPage?> Published(string language, string slug)
    {
        var fields = await redis.Database.HashGetAsync(Keys.Page(language, slug), ["published", "publishedVersion"]);
        if (fields[0].IsNullOrEmpty || (long)fields[0] == 0 || fields[1].IsNullOrEmpty) return null;
        var found = JsonSerializer.Deserialize<PageVersion>((string)fields[1]!, Json)!;
        return new PublishedPage(language, slug, found.Title, found.Markdown, found.Version);
    }

    // Every page and language there is, as "language:slug".
    public async Task<IReadOnlyList<(string Language, string Slug)>> All()
    {
        var languages = texts.Codes.ToList();
        return (await redis.Database.SetMembersAsync(Keys.Pages)).Select(m => ((string)m!).Split(':', 2)).Select(p => (p[0], p[1]))
            .OrderBy(p => p.Item2, StringComparer.Ordinal).ThenBy(p => languages.IndexOf(p.Item1)).ToList();
    }

    public static ChatError Conflict() =>
        new("conflict", "Someone else saved or published this page since you opened it. Nothing was overwritten: open it again to see their version.");

    public static ChatError UnknownPage() => new("unknown-page", "There is no such page.");

    // KEYS: page, history, set of pages. ARGV: "lang:slug", expected version, new version, version JSON, history length
    // returns 'ok' | 'conflict'
    private const string SaveScript = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'version')) or 0
        if current ~= tonumber(ARGV[2]) then return 'conflict' end
        redis.call('HSET', KEYS[1], 'version', ARGV[3])
        if current == 0 then redis.call('HSET', KEYS[1], 'published', 0, 'publishedAt', 0) end
        redis.call('LPUSH', KEYS[2], ARGV[4])
        redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
        redis.call('SADD', KEYS[3], ARGV[1])
        return 'ok'
        """;

    // KEYS: page. returns 1 | 0 if there is no such page
    private const string UnpublishScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'published', 0, 'publishedAt', 0)
        redis.call('HDEL', KEYS[1], 'publishedVersion')
        return 1
        """;

    // Publishing names the version previewed: if a newer one was saved since, it is a conflict. The published
    // version is copied beside the history, so it stays however many versions are saved after it.
    // KEYS: page, history. ARGV: version, now ms. returns 'ok' | 'unknown' | 'conflict'
    private const string PublishScript = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'version'))
        if not current then return 'unknown' end
        if current ~= tonumber(ARGV[1]) then return 'conflict' end
        redis.call('HSET', KEYS[1], 'published', ARGV[1], 'publishedAt', ARGV[2], 'publishedVersion', redis.call('LINDEX', KEYS[2], 0))
        return 'ok'
        """;
}
