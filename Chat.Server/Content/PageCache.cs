using Chat.Client.Texts;
using System.Collections.Concurrent;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Content;

// What a node has built from a published page (rendered HTML, compressed bytes …), kept in memory until the
// page changes. A change on any node is announced on one literal pub/sub channel and every node drops its
// copies of that page; the next reader builds them again from Redis. (The Redis-backed IDistributedCache
// package does not restore here, and a page is cheap to rebuild: this is the small piece needed.)
public sealed class PageCache(RedisConnection redis, TextCatalog texts, ILogger<PageCache> logger) : IHostedService
{
    private readonly ConcurrentDictionary<(string Language, string Slug, string Variant), Lazy<Task<object?>>> _entries = new();
    private const string Everything = "*";

    // The key of a language's list of pages (no slug is empty).
    public const string Index = "";

    // variant: anything else the cached value depends on (e.g. whether the chat is open now).
    public async Task<T?> GetOrAdd<T>(string language, string slug, string variant, Func<Task<T?>> build) where T : class
    {
        var key = (language, slug, variant);
        var entry = _entries.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await build()));
        try
        {
            var value = (T?)await entry.Value;
            // Nothing published there (yet): not kept, so unknown addresses cannot fill the memory.
            if (value is null) _entries.TryRemove(KeyValuePair.Create(key, entry));
            return value;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry)); // a failed build is not kept
            throw;
        }
    }

    // Drops this node's copies at once and tells the other nodes. language/slug null: every page.
    // The service directory changed: of the pages, only those made from it change ("where else you can turn", under
    // each language's address for it), so only they are dropped, on every node.
    public async Task DirectoryChanged()
    {
        foreach (var slug in WhereElse.AllSlugs) await Changed(texts.Default.Code, slug);
    }

    public async Task Changed(string? language = null, string? slug = null)
    {
        Drop(Message(language, slug));
        try
        {
            await redis.Multiplexer!.GetSubscriber().PublishAsync(redis.Keys.ContentChanged, Message(language, slug));
        }
        catch (Exception ex) when (RedisRetry.IsUnavailable(ex))
        {
            ContentLog.InvalidationNotSent(logger, ex.GetType().Name);
        }
    }

    public int Count => _entries.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.Multiplexer!.GetSubscriber().SubscribeAsync(redis.Keys.ContentChanged, (_, message) => Drop((string?)message ?? Everything));
        // While the connection was away, a change on another node may have gone unheard: start afresh.
        redis.Multiplexer.ConnectionRestored += (_, _) => Drop(Everything);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Message(string? language, string? slug) => language is null || slug is null ? Everything : $"{language}:{slug}";

    // A change to one language of a page drops that page in every language (each links to the others that
    // exist) and every index (they list the titles).
    private void Drop(string message)
    {
        var slug = message == Everything ? null : message[(message.IndexOf(':') + 1)..];
        foreach (var key in _entries.Keys)
            if (slug is null || key.Slug == slug || key.Slug == Index) _entries.TryRemove(key, out _);
    }
}

public static partial class ContentLog
{
    [LoggerMessage(1, LogLevel.Warning, "Other nodes could not be told that a page changed ({ExceptionType}); they keep their copy until the next change")]
    public static partial void InvalidationNotSent(ILogger logger, string exceptionType);

    [LoggerMessage(2, LogLevel.Information, "Seeded {Count} help pages from the repository")]
    public static partial void Seeded(ILogger logger, int count);

    [LoggerMessage(3, LogLevel.Warning, "Seeding help pages failed with {ExceptionType}; retrying")]
    public static partial void SeedFailed(ILogger logger, string exceptionType);

    // Which page and who are in the page's own history, not in the log.
    [LoggerMessage(4, LogLevel.Information, "A coordinator changed a help page ({Change}, {Language})")]
    public static partial void PageChanged(ILogger logger, string change, string language);
}
