using Chat.Server.Storage;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

public sealed partial class PrivacyTests
{
    [Fact]
    public async Task EveryKeyASignInLeavesIsInTheInventoryAndTheSessionKeysExpire()
    {
        await _app.CreateStaff("ulla");
        await _app.SignIn("ulla");
        await _app.TrySignIn("ulla", "not the password at all");
        await _app.TrySignIn("nobody", "not the password at all");

        var redis = _app.Get<RedisConnection>();
        var server = redis.Multiplexer!.GetServer(redis.Multiplexer.GetEndPoints()[0]);
        var inventory = Inventory();
        var keys = server.Keys(pattern: _app.KeyPrefix + "*", pageSize: 1000).Select(k => ((string)k!)[_app.KeyPrefix.Length..]).ToList();
        Assert.Contains(keys, k => k.StartsWith("session:", StringComparison.Ordinal));
        Assert.Equal(2, keys.Count(k => k.StartsWith("signin-failures:", StringComparison.Ordinal)));
        foreach (var key in keys)
        {
            Assert.True(inventory.Any(pattern => pattern.IsMatch(key)), $"'{key}' is not described in docs/privacy.md");
            Assert.DoesNotContain("nobody", key);
            if (key.StartsWith("session", StringComparison.Ordinal) || key.StartsWith("signin-failures:", StringComparison.Ordinal))
                Assert.NotNull(await redis.Database.KeyTimeToLiveAsync(_app.KeyPrefix + key).Within(ChatApp.Timeout));
        }
    }
}
