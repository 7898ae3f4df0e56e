using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Chat.Server.ScaleOut;

// Every open connection holds a file descriptor, and a process that reaches its limit of open files does not turn the
// next connection away: the runtime fails somewhere that cannot fail gracefully (in the 20,000-connection benchmark a
// node on a machine with that limit aborted with "Out of memory." at about 19,700 connections, with 21 GiB free).
// So a node accepts at most as many connections as its limit leaves room for, keeping a reserve for Redis, logs and
// the runtime itself (about 300 descriptors at rest). Kestrel stops counting a connection once it is upgraded to a
// WebSocket, so the room is split: nine tenths for hub WebSockets, which the gate below turns away with a 503 before
// the upgrade (Kestrel's own limit for them would throw inside the upgrade, a 500), and a tenth for plain HTTP (pages,
// negotiation, the fallback transports), which Kestrel closes at the door beyond MaxConcurrentConnections.
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

    // This process's open-files limit does not change while it runs: read once.
    private static readonly Lazy<Limits?> ThisProcess =
        new(() => For(File.Exists(ProcLimits) ? OpenFilesLimit(File.ReadAllText(ProcLimits)) : null));

    public static IServiceCollection AddConnectionCap(this IServiceCollection services)
    {
        services.AddSingleton(sp => new WebSocketGate(
            sp.GetRequiredService<IConfiguration>().GetValue<long?>("Kestrel:Limits:MaxConcurrentUpgradedConnections")
            ?? ThisProcess.Value?.Upgraded));
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            var plain = configuration.GetValue<long?>("Kestrel:Limits:MaxConcurrentConnections") ?? ThisProcess.Value?.Plain;
            if (plain is not null) kestrel.Limits.MaxConcurrentConnections = plain;
        });
        return services;
    }

    // First in the pipeline: a WebSocket request beyond the cap gets a 503 before anything else runs.
    public static IApplicationBuilder UseConnectionCap(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<WebSocketGate>();
        return app.Use(async (context, next) =>
        {
            if (!AsksForWebSocket(context))
            {
                await next(context);
                return;
            }
            if (!gate.TryEnter())
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                return;
            }
            try
            {
                await next(context);
            }
            finally
            {
                gate.Leave();
            }
        });
    }

    // Read from the request itself: context.WebSockets knows only after SignalR's own WebSocket middleware, further in.
    private static bool AsksForWebSocket(HttpContext context) =>
        context.Request.Headers.Upgrade.Any(value => value?.Contains("websocket", StringComparison.OrdinalIgnoreCase) == true)
        || context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: var protocol }
            && string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase);

    public const string ProcLimits = "/proc/self/limits";
}

// Open WebSocket requests on this node (each lasts as long as its connection), at most `limit` (null: no limit).
public sealed class WebSocketGate(long? limit)
{
    private long _open;

    public long? Limit => limit;

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= (limit ?? long.MaxValue)) return true;
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _open);
}
