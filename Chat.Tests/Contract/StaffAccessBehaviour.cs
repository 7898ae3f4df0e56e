using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Contract;

// The sign-in scripts (sessions, lockout, disabling and resetting accounts), once on redis-server and once on Garnet.
public abstract class StaffAccessBehaviour(Func<string> endpoint) : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private ChatApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new ChatApp(endpoint()) { Clock = _clock };
        _ = _app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SessionsStartEndAndAreAllEndedByDisablingOrResetting()
    {
        var sessions = _app.Get<StaffSessions>();
        var access = _app.Get<AccountAccess>();
        await _app.CreateStaff("ulla").WaitAsync(ChatApp.Timeout);
        var one = await sessions.Start("ulla").WaitAsync(ChatApp.Timeout);
        var two = await sessions.Start("ulla").WaitAsync(ChatApp.Timeout);
        Assert.True(await sessions.IsLive(one.Id, "ulla"));
        Assert.False(await sessions.IsLive(one.Id, "kim"));

        await sessions.End(one.Id, "ulla").WaitAsync(ChatApp.Timeout);
        Assert.False(await sessions.IsLive(one.Id, "ulla"));
        Assert.True(await sessions.IsLive(two.Id, "ulla"));

        await access.Disable("ulla").WaitAsync(ChatApp.Timeout);
        Assert.False(await sessions.IsLive(two.Id, "ulla"));
        await access.Enable("ulla").WaitAsync(ChatApp.Timeout);
        var three = await sessions.Start("ulla").WaitAsync(ChatApp.Timeout);
        Assert.True(await sessions.IsLive(three.Id, "ulla"));

        var temporary = await access.ForceReset("ulla").WaitAsync(ChatApp.Timeout);
        Assert.False(await sessions.IsLive(three.Id, "ulla"));
        Assert.True((await _app.Get<StaffAccounts>().Verify("ulla", temporary))!.MustChangePassword);
        Assert.Equal("unknown-account", (await Assert.ThrowsAsync<StaffError>(() => access.Disable("nobody"))).Code);
    }

    [Fact]
    public async Task TheLockoutCountsLocksAndForgets()
    {
        var lockout = _app.Get<SignInLockout>();
        for (var i = 1; i < 5; i++) Assert.Equal(SignInLockout.Verdict.Counted, await lockout.Attempt("Ulla").WaitAsync(ChatApp.Timeout));
        Assert.Equal(SignInLockout.Verdict.Locking, await lockout.Attempt("ulla").WaitAsync(ChatApp.Timeout));
        Assert.Equal(SignInLockout.Verdict.Locked, await lockout.Attempt("ULLA").WaitAsync(ChatApp.Timeout));

        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(SignInLockout.Verdict.Counted, await lockout.Attempt("ulla").WaitAsync(ChatApp.Timeout));
        await lockout.Clear("ulla").WaitAsync(ChatApp.Timeout);
        for (var i = 1; i < 5; i++) Assert.Equal(SignInLockout.Verdict.Counted, await lockout.Attempt("ulla").WaitAsync(ChatApp.Timeout));
    }
}

public sealed class StaffAccessBehaviourOnRedisServer() : StaffAccessBehaviour(() => RedisServer.Shared.Endpoint);

public sealed class StaffAccessBehaviourOnEmbeddedGarnet() : StaffAccessBehaviour(() => EmbeddedGarnet.Shared.Endpoint);
