using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Tests.Support;

public static class RedisHolds
{
    // A code's secret part (all but its selector) is nowhere in Redis, in any form.
    public static Task NoCode(ChatApp app, string code) => Nowhere(app, Chat.Server.Handover.CodeRules.Normalize(code)![4..]);

    // Fails if any key of the app, or any value in it, contains the text.
    public static async Task Nowhere(ChatApp app, string text)
    {
        var redis = app.Get<RedisConnection>();
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        foreach (var key in server.Keys(pattern: app.KeyPrefix + "*", pageSize: 1000))
        {
            Assert.DoesNotContain(text, (string)key!);
            var content = await redis.Database.KeyTypeAsync(key) switch
            {
                RedisType.String => (string?)await redis.Database.StringGetAsync(key) ?? "",
                RedisType.Hash => string.Join("\n", (await redis.Database.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}")),
                RedisType.List => string.Join("\n", await redis.Database.ListRangeAsync(key)),
                RedisType.Set => string.Join("\n", await redis.Database.SetMembersAsync(key)),
                RedisType.SortedSet => string.Join("\n", await redis.Database.SortedSetRangeByRankAsync(key)),
                _ => "",
            };
            Assert.False(content.Contains(text), $"'{(string)key!}' holds it");
        }
    }

    // Everything the app holds in Redis (or the keys matching the pattern), as text: keys, types and contents.
    public static async Task<string> Everything(ChatApp app, string pattern = "*")
    {
        var redis = app.Get<RedisConnection>();
        var db = redis.Database;
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        var lines = new List<string>();
        foreach (var key in server.Keys(pattern: app.KeyPrefix + pattern, pageSize: 1000).Select(k => (string)k!).Order())
        {
            var content = await db.KeyTypeAsync(key) switch
            {
                RedisType.Hash => string.Join(",", (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}").Order()),
                RedisType.Set => string.Join(",", (await db.SetMembersAsync(key)).Select(v => (string)v!).Order()),
                RedisType.SortedSet => string.Join(",", await db.SortedSetRangeByRankWithScoresAsync(key)),
                RedisType.List => string.Join(",", await db.ListRangeAsync(key)),
                _ => (string?)await db.StringGetAsync(key) ?? "",
            };
            lines.Add($"{key}: {content}");
        }
        return string.Join("\n", lines);
    }
}
