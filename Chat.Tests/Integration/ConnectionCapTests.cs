using System.Runtime.InteropServices;
using Chat.Server.ScaleOut;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Integration;

// A node takes no more connections than its open-files limit leaves room for, so reaching that limit turns newcomers
// away instead of failing inside the runtime.
public sealed class ConnectionCapTests
{
    [Fact]
    public async Task TheNodeIsCappedBelowThisProcesssOpenFilesLimit()
    {
        await using var app = ChatApp.OnSharedRedis();
        // The limit as the kernel gives it (getrlimit), not as the node read it.
        Assert.Equal(0, GetRLimit(RlimitNoFile, out var limit));
        var cap = ConnectionCap.For((long)limit.Soft)!;
        var plain = app.Get<IOptions<KestrelServerOptions>>().Value.Limits.MaxConcurrentConnections;
        var webSockets = app.Get<WebSocketGate>().Limit;
        Assert.Equal((cap.Plain, cap.Upgraded), (plain, webSockets));
        // WebSockets and plain HTTP together stay below the limit by the reserve.
        Assert.InRange(plain!.Value + webSockets!.Value, 2, (long)limit.Soft - ConnectionCap.MinimumReserve);
    }

    [Fact]
    public async Task ConfiguredLimitsWin()
    {
        await using var app = ChatApp.OnSharedRedis(new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MaxConcurrentConnections"] = "77",
            ["Kestrel:Limits:MaxConcurrentUpgradedConnections"] = "88",
        });
        var plain = app.Get<IOptions<KestrelServerOptions>>().Value.Limits.MaxConcurrentConnections;
        Assert.Equal((77L, 88L), (plain, app.Get<WebSocketGate>().Limit));
    }

    // Beyond the cap a hub WebSocket is turned away before the upgrade, and a place that frees up is taken again.
    [Fact]
    public async Task BeyondTheCapAHubConnectionIsTurnedAwayAndAFreedPlaceIsTakenAgain()
    {
        await using var app = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Kestrel:Limits:MaxConcurrentUpgradedConnections"] = "2" });
        app.StartOnLoopback(); // over Kestrel, as deployed: the test server knows a WebSocket request earlier than Kestrel does
        var first = await Youth.Connect(app);
        await using var second = await Youth.Connect(app);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Youth.Connect(app));
        Assert.Contains("503", refused.ToString());
        Assert.NotEmpty((await second.Start()).Value().Token); // those inside are served as before

        await first.DisposeAsync();
        // The server lets go of the closed connection's place as its request ends.
        await HubEvents.Eventually(async () =>
        {
            try
            {
                await using var third = await Youth.Connect(app);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }, "a connection in the place the first one left");
    }

    private const int RlimitNoFile = 7; // Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Soft;
        public ulong Hard;
    }

    [DllImport("libc", EntryPoint = "getrlimit")]
    private static extern int GetRLimit(int resource, out RLimit limit);
}
