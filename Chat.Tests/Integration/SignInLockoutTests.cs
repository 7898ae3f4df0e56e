using Chat.Server.Staff;
using Chat.Server.Storage;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Five wrong sign-ins for a user name within 15 minutes lock that name for 15 minutes, whether the account exists or not.
public sealed class SignInLockoutTests : ChatTest
{
    private const string Wrong = "not the password at all";
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public SignInLockoutTests() => App = new ChatApp(RedisServer.Shared.Endpoint) { Clock = _clock };

    [Fact]
    public async Task FiveWrongPasswordsLockTheNameAndEvenTheRightOneIsThenRefused()
    {
        await App.CreateStaff("ulla");
        for (var i = 0; i < 5; i++) Assert.Equal("/staff/signin?error=invalid", (await App.TrySignIn("ulla", Wrong)).Location);

        var refused = await App.TrySignIn("ulla", ChatApp.Password);

        Assert.Equal("/staff/signin?error=locked", refused.Location);
        Assert.DoesNotContain("chat.staff=", refused.Cookie);
        Assert.Contains("För många försök att logga in", await SignInPage(refused.Location));
        // The same name in capitals is the same name.
        Assert.Equal("/staff/signin?error=locked", (await App.TrySignIn("ULLA", ChatApp.Password)).Location);
    }

    [Fact]
    public async Task AnUnknownNameLocksJustLikeARealOne()
    {
        await App.CreateStaff("ulla");
        var real = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            real.Add((await App.TrySignIn("ulla", Wrong)).Location);
            unknown.Add((await App.TrySignIn("nobody", Wrong)).Location);
        }

        Assert.Equal(real, unknown);
        Assert.Equal("/staff/signin?error=locked", unknown[^1]);
    }

    [Fact]
    public async Task TheLockEndsAfterFifteenMinutes()
    {
        await App.CreateStaff("ulla");
        for (var i = 0; i < 5; i++) await App.TrySignIn("ulla", Wrong);

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal("/staff/signin?error=locked", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("/staff", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
    }

    [Fact]
    public async Task FailuresFurtherApartThanTheWindowDoNotAddUp()
    {
        await App.CreateStaff("ulla");
        for (var i = 0; i < 4; i++) await App.TrySignIn("ulla", Wrong);
        _clock.Advance(TimeSpan.FromMinutes(15));
        for (var i = 0; i < 4; i++) await App.TrySignIn("ulla", Wrong);

        Assert.Equal("/staff", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
    }

    [Fact]
    public async Task ASuccessfulSignInClearsTheCount()
    {
        await App.CreateStaff("ulla");
        for (var i = 0; i < 4; i++) await App.TrySignIn("ulla", Wrong);
        Assert.Equal("/staff", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
        for (var i = 0; i < 4; i++) await App.TrySignIn("ulla", Wrong);

        Assert.Equal("/staff", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
    }

    [Fact]
    public async Task TheCountIsKeptUnderAHashOfTheNameWithALifetime()
    {
        await App.CreateStaff("ulla");
        await App.TrySignIn("ulla", Wrong);

        var key = Assert.Single(RedisHolds.Keys(App, "signin-failures:*"));
        Assert.DoesNotContain("ulla", App.KeyPrefix + key);
        Assert.Matches("signin-failures:[0-9a-f]{64}$", key);
        Assert.NotNull(await App.Get<RedisConnection>().Database.KeyTimeToLiveAsync(App.KeyPrefix + key).Within(ChatApp.Timeout));
    }

    [Fact]
    public async Task LockingANameIsAudited()
    {
        await App.CreateStaff("ulla");
        for (var i = 0; i < 5; i++)
        {
            await App.TrySignIn("ulla", Wrong);
            await App.TrySignIn("nobody", Wrong);
        }

        var locked = (await App.Get<AuditLog>().Recent(1).Within(ChatApp.Timeout)).Where(e => e.Action == AuditActions.SignInLocked).ToList();
        Assert.Equal(["ulla", ""], locked.Select(e => e.Target).Order().Reverse());
        Assert.All(locked, entry => Assert.Equal(AuditLog.Nobody, entry.Actor));
    }

    private async Task<string> SignInPage(string location)
    {
        using var client = App.NewClient();
        return System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(location).Within(ChatApp.Timeout));
    }
}
