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
    public async Task KestrelIsCappedBelowThisProcesssOpenFilesLimit()
    {
        await using var app = ChatApp.OnSharedRedis();
        // The limit as the kernel gives it (getrlimit), not as the node read it.
        Assert.Equal(0, GetRLimit(RlimitNoFile, out var limit));
        var limits = app.Get<IOptions<KestrelServerOptions>>().Value.Limits;
        var cap = ConnectionCap.For((long)limit.Soft)!;
        Assert.Equal((cap.Plain, cap.Upgraded), (limits.MaxConcurrentConnections, limits.MaxConcurrentUpgradedConnections));
        // WebSockets and plain HTTP together stay below the limit by the reserve.
        Assert.InRange(limits.MaxConcurrentConnections!.Value + limits.MaxConcurrentUpgradedConnections!.Value,
            2, (long)limit.Soft - ConnectionCap.MinimumReserve);
    }

    [Fact]
    public async Task AConfiguredLimitIsLeftAlone()
    {
        await using var app = ChatApp.OnSharedRedis(new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MaxConcurrentConnections"] = "77",
            ["Kestrel:Limits:MaxConcurrentUpgradedConnections"] = "88",
        });
        var limits = app.Get<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal((77L, 88L), (limits.MaxConcurrentConnections, limits.MaxConcurrentUpgradedConnections));
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
