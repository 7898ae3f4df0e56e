using System.Net;
using Chat.Server.Staff;
using Chat.Server.Storage;
using Chat.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Integration;

// A staff session lives in Redis for one shift at most; signing out ends it everywhere, copies of the cookie included.
public sealed class StaffSessionTests : IAsyncLifetime
{
    private const string Negotiate = "/hubs/staff/negotiate?negotiateVersion=1";
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly ChatApp _a;
    private readonly ChatApp _b;

    public StaffSessionTests()
    {
        _a = new ChatApp(RedisServer.Shared.Endpoint) { Clock = _clock };
        _b = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: _a.KeyPrefix) { Clock = _clock };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task ACookieReplayedAfterSignOutIsRefusedByPagesAndTheHub()
    {
        await _a.CreateStaff("ulla");
        var cookie = await _a.SignIn("ulla");
        Assert.Equal(HttpStatusCode.OK, (await _a.Ask(HttpMethod.Post, Negotiate, cookie)).Status);

        await _a.SignOut(cookie);

        var page = await _a.Ask(HttpMethod.Get, "/staff", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/staff/signin", page.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _a.Ask(HttpMethod.Post, Negotiate, cookie)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _b.Ask(HttpMethod.Post, Negotiate, cookie)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _a.Ask(HttpMethod.Get, "/staff/auth/session", cookie)).Status);
    }

    [Fact]
    public async Task SigningOutOnOneNodeClosesTheSessionsHubConnectionOnAnother()
    {
        await _a.CreateStaff("ulla");
        var cookie = await _a.SignIn("ulla");
        var otherTab = await _a.SignIn("ulla");
        await using var onB = await Counsellor.Connect(_b, cookie);
        await using var otherOnB = await Counsellor.Connect(_b, otherTab);
        (await onB.GoOnDuty(1)).Value();
        var closed = onB.Hub.WhenClosed(ChatApp.Timeout);

        await _a.SignOut(cookie);

        await closed;
        Assert.Equal(HubConnectionState.Disconnected, onB.Hub.State);
        // Only that session: the same person's other sign-in goes on.
        Assert.True((await otherOnB.Snapshot()).Value().Duty.OnDuty);
        Assert.Equal(HttpStatusCode.NoContent, (await _b.Ask(HttpMethod.Get, "/staff/auth/session", otherTab)).Status);
    }

    [Fact]
    public async Task ASessionEndsAfterItsLifetimeForPagesTheHubAndAnOpenConnection()
    {
        await _a.CreateStaff("ulla");
        var cookie = await _a.SignIn("ulla");
        await using var ulla = await Counsellor.Connect(_a, cookie);
        (await ulla.GoOnDuty(1)).Value();

        _clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await _a.Ask(HttpMethod.Get, "/staff", cookie)).Status);
        (await ulla.Snapshot()).Value();

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await _a.Ask(HttpMethod.Get, "/staff", cookie)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _a.Ask(HttpMethod.Post, Negotiate, cookie)).Status);
        // The open connection is refused without asking Redis, and closed (the refusal may or may not beat the close).
        var closed = ulla.Hub.WhenClosed(ChatApp.Timeout);
        try
        {
            (await ulla.Snapshot()).Refused("session-ended");
        }
        catch (Exception lost) when (lost is not Xunit.Sdk.XunitException and not TimeoutException)
        {
        }
        await closed;
        Assert.Equal(HubConnectionState.Disconnected, ulla.Hub.State);
    }

    [Fact]
    public async Task AConnectionWhoseSessionEndedUnheardIsClosedByTheNextCheck()
    {
        await _a.CreateStaff("ulla");
        var cookie = await _a.SignIn("ulla");
        await using var onB = await Counsellor.Connect(_b, cookie);
        var closed = onB.Hub.WhenClosed(ChatApp.Timeout);
        // The session goes from Redis without the announcement, as if node B missed it during a reconnect.
        var redis = _a.Get<RedisConnection>();
        foreach (var id in await redis.Database.SetMembersAsync(redis.Keys.SessionsOf("ulla")))
            await redis.Database.KeyDeleteAsync(redis.Keys.Session((string)id!));

        await _b.Get<StaffConnections>().Check();

        await closed;
        Assert.Equal(HubConnectionState.Disconnected, onB.Hub.State);
    }

    [Fact]
    public async Task AConnectionThatMakesNoCallIsClosedWhenItsSignInExpires()
    {
        await using var app = new ChatApp(RedisServer.Shared.Endpoint, new Dictionary<string, string?> { ["Staff:SessionLifetime"] = "00:00:02" });
        await app.CreateStaff("ulla");
        await using var ulla = await Counsellor.Connect(app, await app.SignIn("ulla"));
        var messages = ulla.Messages;

        await ulla.Hub.WhenClosed(ChatApp.Timeout);

        Assert.Equal(HubConnectionState.Disconnected, ulla.Hub.State);
        Assert.Empty(messages.Received);
    }

    [Fact]
    public async Task ASessionIsKeptForOneShiftInRedisAndSignOutRemovesIt()
    {
        await _a.CreateStaff("ulla");
        var cookie = await _a.SignIn("ulla");
        var redis = _a.Get<RedisConnection>();
        var ids = await redis.Database.SetMembersAsync(redis.Keys.SessionsOf("ulla")).Within(ChatApp.Timeout);
        var id = (string)Assert.Single(ids)!;
        var ttl = await redis.Database.KeyTimeToLiveAsync(redis.Keys.Session(id)).Within(ChatApp.Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
        Assert.Equal("ulla", (string?)await redis.Database.HashGetAsync(redis.Keys.Session(id), "user"));

        await _a.SignOut(cookie);

        Assert.False(await redis.Database.KeyExistsAsync(redis.Keys.Session(id)).Within(ChatApp.Timeout));
        Assert.Empty(await redis.Database.SetMembersAsync(redis.Keys.SessionsOf("ulla")).Within(ChatApp.Timeout));
    }
}
