using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Chat.Server.Storage;

// The embedded default: when no Redis is configured the service starts Garnet, a Redis-compatible server, itself,
// without root, and keeps its data in DataDirectory so that a restart, even after kill -9, loses nothing.
public sealed class EmbeddedRedis : IAsyncDisposable
{
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    const int SigTerm = 15;

    readonly Process process;
    readonly GarnetPidFile pidFile;
    readonly ILogger logger;
    int disposed;

    EmbeddedRedis(Process process, GarnetPidFile pidFile, int port, ILogger logger)
    {
        this.process = process;
        this.pidFile = pidFile;
        this.logger = logger;
        Endpoint = $"127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    // The `dotnet tool run` process above Garnet; tests kill its tree to simulate a crash.
    internal int ProcessId => process.Id;

    public static async Task<EmbeddedRedis> StartAsync(EmbeddedRedisOptions options, ILogger logger, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.StartTimeout);
        var pidFile = GarnetPidFile.Acquire(dataDirectory, logger);
        GarnetTool? tool = null;
        Process? process = null;
        try
        {
            tool = GarnetTool.Find(logger);
            await tool.RestoreAsync(timeout.Token);
            var port = options.Port == 0 ? FreeLoopbackPort() : EnsureFree(options.Port);
            EmbeddedRedisLog.Starting(logger, port, dataDirectory);
            process = tool.StartServer(port, dataDirectory);
            pidFile.Record([process.Id]); // at once: scanning /proc for its children takes a while
            await WaitUntilAnswersAsync(process, port, tool, timeout.Token);
            pidFile.Record(process); // now with Garnet itself, the runner's child
            var redis = new EmbeddedRedis(process, pidFile, port, logger);
            EmbeddedRedisLog.Started(logger, redis.Endpoint, clock.ElapsedMilliseconds);
            return redis;
        }
        catch (Exception e)
        {
            if (process is not null)
            {
                process.Kill(entireProcessTree: true);
                pidFile.KillLeftovers();
                process.Dispose();
            }
            pidFile.Dispose();
            if (e is OperationCanceledException && !ct.IsCancellationRequested)
                throw new TimeoutException($"The embedded Redis (Garnet) did not answer PING within {options.StartTimeout}. {tool?.LastOutput}", e);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        try
        {
            if (!process.HasExited)
            {
                EmbeddedRedisLog.Stopping(logger, Endpoint);
                // Garnet has no SHUTDOWN command; on SIGTERM the tool runner stops Garnet and exits.
                if (OperatingSystem.IsWindows() || SendSignal(process.Id, SigTerm) != 0)
                    process.Kill(entireProcessTree: true);
            }
            if (!await ExitsWithinAsync(process, StopTimeout))
            {
                EmbeddedRedisLog.Killing(logger, Endpoint);
                process.Kill(entireProcessTree: true);
                // An orphaned Garnet holds the runner's output pipes open, so exit is only seen once it is gone too.
                pidFile.KillLeftovers();
                await ExitsWithinAsync(process, StopTimeout);
            }
            pidFile.KillLeftovers();
        }
        finally
        {
            pidFile.Dispose();
            process.Dispose();
        }
    }

    static async Task WaitUntilAnswersAsync(Process process, int port, GarnetTool tool, CancellationToken ct)
    {
        while (!await AnswersPingAsync(port, ct))
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(ct);
                throw new InvalidOperationException($"Garnet exited with code {process.ExitCode} before answering PING on port {port}. {tool.LastOutput}");
            }
            await Task.Delay(100, ct);
        }
    }

    // A raw RESP PING rather than a client library: Garnet accepts connections before it has replayed its AOF,
    // and clients that connect that early were seen to be dropped.
    static async Task<bool> AnswersPingAsync(int port, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray(), attempt.Token);
            var reply = new byte[7];
            var read = await stream.ReadAtLeastAsync(reply, reply.Length, throwOnEndOfStream: false, attempt.Token);
            return read == reply.Length && reply.AsSpan().SequenceEqual("+PONG\r\n"u8);
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    static async Task<bool> ExitsWithinAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // Garnet keeps running when its port is taken, and PING would then reach whoever holds the port.
    static int EnsureFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return port;
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Port {port} on 127.0.0.1 is already in use, so the embedded Redis cannot listen there.", e);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SendSignal(int pid, int signal);
}
