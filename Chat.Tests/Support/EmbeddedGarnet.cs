using System.Diagnostics;
using Chat.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Chat.Tests.Support;

// The service's embedded default (Garnet started by EmbeddedRedis) in a temp data directory, so storage tests
// run once against redis-server and once against what a plain `ops/run.sh` gives. Like RedisServer: one shared
// instance for the run, and Start() for tests that crash or restart their own.
public sealed class EmbeddedGarnet : IAsyncDisposable
{
    static readonly Lazy<EmbeddedGarnet> shared = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly Lazy<ConnectionMultiplexer> connection;
    EmbeddedRedis redis;

    EmbeddedGarnet(EmbeddedRedis redis, EmbeddedRedisOptions options)
    {
        this.redis = redis;
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
        try
        {
            return new(await EmbeddedRedis.StartAsync(options, NullLogger.Instance, CancellationToken.None), options);
        }
        catch
        {
            Directory.Delete(options.DataDirectory, recursive: true);
            throw;
        }
    }

    public ConnectionMultiplexer Connect() =>
        ConnectionMultiplexer.Connect($"{Endpoint},abortConnect=false,connectTimeout=5000,syncTimeout=5000");

    // kill -9 of the runner and Garnet below it, as a power cut or OOM kill would leave things.
    public void Crash()
    {
        using var process = Process.GetProcessById(redis.ProcessId);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    // Starts Garnet again on the same data directory and port, so existing multiplexers reconnect.
    public async Task RestartAsync()
    {
        await redis.DisposeAsync();
        Options.Port = int.Parse(Endpoint.Split(':')[1]);
        redis = await EmbeddedRedis.StartAsync(Options, NullLogger.Instance, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated)
            connection.Value.Dispose();
        await redis.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    // Task.Run: block outside xunit's synchronisation context, which would otherwise deadlock the start.
    static EmbeddedGarnet StartShared()
    {
        var garnet = Task.Run(StartAsync).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => garnet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return garnet;
    }
}
