using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Chat.Server.ScaleOut;

// Every open connection holds a file descriptor, and a process that reaches its limit of open files does not turn the
// next connection away: the runtime fails somewhere that cannot fail gracefully (in the 20,000-connection benchmark a
// node on a machine with that limit aborted with "Out of memory." at about 19,700 connections, with 21 GiB free).
// So a node accepts at most as many connections as its limit leaves room for, keeping a reserve for Redis, logs and
// the runtime itself (about 300 descriptors at rest), and Kestrel closes any connection beyond that at once.
// Kestrel counts a WebSocket apart from plain HTTP once it is upgraded, so the room is split: nine tenths for hub
// connections (what the node holds by the thousand), a tenth for page loads and negotiation.
// Kestrel:Limits:MaxConcurrentConnections and MaxConcurrentUpgradedConnections in the configuration win.
public static class ConnectionCap
{
    // Whichever is larger: a fixed reserve for a small limit, a twentieth of a large one.
    public const int MinimumReserve = 512;

    public sealed record Limits(long Plain, long Upgraded);

    public static Limits? For(long? openFilesLimit)
    {
        if (openFilesLimit is not { } limit) return null;
        var room = Math.Max(2, limit - Math.Max(MinimumReserve, limit / 20));
        var plain = Math.Max(1, room / 10);
        return new Limits(plain, room - plain);
    }

    // The soft limit ("Max open files", the first number) from /proc/self/limits; null where the file has no such line
    // or it says unlimited.
    public static long? OpenFilesLimit(string procLimits)
    {
        var line = procLimits.Split('\n').FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(soft, out var limit) && limit > 0 ? limit : null;
    }

    public static IServiceCollection AddConnectionCap(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            var cap = For(File.Exists(ProcLimits) ? OpenFilesLimit(File.ReadAllText(ProcLimits)) : null);
            kestrel.Limits.MaxConcurrentConnections =
                configuration.GetValue<long?>("Kestrel:Limits:MaxConcurrentConnections") ?? cap?.Plain;
            kestrel.Limits.MaxConcurrentUpgradedConnections =
                configuration.GetValue<long?>("Kestrel:Limits:MaxConcurrentUpgradedConnections") ?? cap?.Upgraded;
        });
        return services;
    }

    public const string ProcLimits = "/proc/self/limits";
}
