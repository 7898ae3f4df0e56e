using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Tests.Support;

public static class RedisHolds
{
    // A code's secret part (all but its selector) is nowhere in Redis, in any form.
    public static Task NoCode(ChatApp app, string code) => Nowhere(app, Chat.Server.Handover.CodeRules.Normalize(code)![4..]);

    // The app's keys matching the pattern, without the app's prefix.
    public static List<string> Keys(ChatApp app, string pattern = "*")
    {
        var redis = app.Get<RedisConnection>();
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        return server.Keys(pattern: app.KeyPrefix + pattern, pageSize: 1000).Select(k => ((string)k!)[app.KeyPrefix.Length..]).ToList();
    }

    // What a key holds, as text: members, fields (name=value) or the value, comma-separated and sorted where Redis
    // keeps no order; a sorted set in rank order, with its scores if asked. Empty for a key that is gone.
    public static async Task<string> Contents(IDatabase db, RedisKey key, bool scores = false) => await db.KeyTypeAsync(key) switch
    {
        RedisType.String => (string?)await db.StringGetAsync(key) ?? "",
        RedisType.Hash => string.Join(",", (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}").Order()),
        RedisType.Set => string.Join(",", (await db.SetMembersAsync(key)).Select(v => (string)v!).Order()),
        RedisType.SortedSet when scores => string.Join(",", await db.SortedSetRangeByRankWithScoresAsync(key)),
        RedisType.SortedSet => string.Join(",", await db.SortedSetRangeByRankAsync(key)),
        RedisType.List => string.Join(",", await db.ListRangeAsync(key)),
        _ => "",
    };

    // Fails if any key of the app, or any value in it, contains the text.
    public static async Task Nowhere(ChatApp app, string text)
    {
        var db = app.Get<RedisConnection>().Database;
        foreach (var key in Keys(app).Select(k => app.KeyPrefix + k))
        {
            Assert.DoesNotContain(text, key);
            Assert.False((await Contents(db, key)).Contains(text), $"'{key}' holds it");
        }
    }

    // Everything the app holds in Redis (or the keys matching the pattern), as text: keys, types and contents.
    public static async Task<string> Everything(ChatApp app, string pattern = "*")
    {
        var db = app.Get<RedisConnection>().Database;
        var lines = new List<string>();
        foreach (var key in Keys(app, pattern).Select(k => app.KeyPrefix + k).Order())
            lines.Add($"{key}: {await Contents(db, key, scores: true)}");
        return string.Join("\n", lines);
    }
}
