using System.Diagnostics;
using Chat.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Chat.Tests.Support;

// The service's embedded default (Garnet started by EmbeddedRedis) in a temp data directory, so storage tests
// run once against redis-server and once against what a plain `ops/run.sh` gives. Like RedisServer: one shared
// instance for the run, and StartAsync() for tests that crash or restart their own.
public sealed class EmbeddedGarnet : IAsyncDisposable
{
    static readonly Lazy<EmbeddedGarnet> shared = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly Lazy<ConnectionMultiplexer> connection;
    readonly Process guard;
    EmbeddedRedis redis;

    EmbeddedGarnet(EmbeddedRedis redis, EmbeddedRedisOptions options, Process guard)
    {
        this.redis = redis;
        this.guard = guard;
        Options = options;
        connection = new(Connect);
    }

    public static EmbeddedGarnet Shared => shared.Value;

    public EmbeddedRedisOptions Options { get; }

    public string DataDirectory => Options.DataDirectory;

    public string Endpoint => redis.Endpoint;

    public ConnectionMultiplexer Connection => connection.Value;

    public static async Task<EmbeddedGarnet> StartAsync()
    {
        var options = new EmbeddedRedisOptions
        {
            DataDirectory = Directory.CreateTempSubdirectory("chat-garnet-").FullName,
            StartTimeout = TimeSpan.FromSeconds(120), // a cold CI machine restores the tool first
        };
        // garnet.pid lists the live Garnet processes across restarts (until Garnet answers, only the tool runner)
        // and is emptied once they are stopped, so the guard reads it only when it acts.
        var guard = OrphanGuard.Start("""killtree $(cat "$1/garnet.pid"); rm -rf "$1" """, options.DataDirectory);
        try
        {
            return new(await EmbeddedRedis.StartAsync(options, NullLogger.Instance, CancellationToken.None), options, guard);
        }
        catch
        {
            Directory.Delete(options.DataDirectory, recursive: true);
            OrphanGuard.Stop(guard);
            throw;
        }
    }

    // A multiplexer of the test's own; see RedisServer.Connect for how to dispose it quickly.
    public ConnectionMultiplexer Connect() =>
        ConnectionMultiplexer.Connect($"{Endpoint},abortConnect=false,connectTimeout=5000,syncTimeout=5000");

    // kill -9 of the runner and Garnet below it, as an OOM kill or a crash of the host would leave things.
    public void Crash()
    {
        using var process = Process.GetProcessById(redis.ProcessId);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    // Starts Garnet again on the same data directory and port, so existing multiplexers reconnect (after their
    // next heartbeat; Connect() anew to read at once).
    public async Task RestartAsync()
    {
        await redis.DisposeAsync();
        Options.Port = int.Parse(Endpoint.Split(':')[1]);
        redis = await EmbeddedRedis.StartAsync(Options, NullLogger.Instance, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated)
        {
            connection.Value.Close(allowCommandsToComplete: false);
            connection.Value.Dispose();
        }
        await redis.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
        OrphanGuard.Stop(guard);
    }

    // Task.Run: block outside xunit's synchronisation context, which could otherwise deadlock the start.
    // Its OrphanGuard stops it when the test process ends.
    static EmbeddedGarnet StartShared() => Task.Run(StartAsync).GetAwaiter().GetResult();
}
