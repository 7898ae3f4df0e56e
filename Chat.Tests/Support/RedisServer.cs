using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Chat.Tests.Support;

// A real Debian redis-server on a free loopback port. Most tests share one (with a unique key prefix each);
// tests that restart or break the server start their own. None outlives the test process (see OrphanGuard).
public sealed class RedisServer : IDisposable
{
    static readonly Lazy<RedisServer> shared = new(() => Start(), LazyThreadSafetyMode.ExecutionAndPublication);

    readonly string? dataDirectory;
    readonly Lazy<ConnectionMultiplexer> connection;
    Process process;
    Process guard;
    int disposed;

    RedisServer(int port, string? dataDirectory)
    {
        Port = port;
        this.dataDirectory = dataDirectory;
        (process, guard) = Launch();
        connection = new(Connect);
    }

    public static RedisServer Shared => shared.Value;

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    // One multiplexer per server, as the application uses it; dispose only the ones from Connect().
    public ConnectionMultiplexer Connection => connection.Value;

    // appendOnly: AOF with fsync on every write in a fresh temp directory, for restart tests; otherwise nothing
    // touches the disk.
    public static RedisServer Start(bool appendOnly = false) =>
        new(FreeLoopbackPort(), appendOnly ? Directory.CreateTempSubdirectory("chat-redis-").FullName : null);

    // A multiplexer of the test's own. Close(allowCommandsToComplete: false) it before disposing: on xunit's
    // synchronisation context, 1.2.6's Dispose otherwise waits syncTimeout (5 s) for QUIT replies.
    public ConnectionMultiplexer Connect() =>
        ConnectionMultiplexer.Connect($"{Endpoint},abortConnect=false,connectTimeout=5000,syncTimeout=5000");

    // Kill -9 and start again on the same port and directory: a crash is the harder case for the AOF.
    // Existing multiplexers reconnect only after their next heartbeat; Connect() anew to read at once.
    public void Restart()
    {
        Stop();
        StartAgain();
    }

    // For tests that hold the server down for a while before bringing it back.
    public void StartAgain() => (process, guard) = Launch();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        if (connection.IsValueCreated)
        {
            connection.Value.Close(allowCommandsToComplete: false);
            connection.Value.Dispose();
        }
        Stop();
        if (dataDirectory is not null)
            Directory.Delete(dataDirectory, recursive: true);
    }

    (Process Server, Process Guard) Launch()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        string[] persistence = dataDirectory is null
            ? ["--save", "", "--appendonly", "no"]
            : ["--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", dataDirectory];
        foreach (var argument in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--daemonize", "no", .. persistence])
            start.ArgumentList.Add(argument);

        Process started;
        try
        {
            started = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed; run ops/test.sh, which installs it.", e);
        }
        // Drain the pipes so a chatty server never blocks on a full one.
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        var guard = OrphanGuard.Start("kill -9 \"$1\"; [ -z \"$2\" ] || rm -rf \"$2\"", started.Id.ToString(), dataDirectory ?? "");
        try
        {
            WaitUntilAnswers(started);
        }
        catch
        {
            OrphanGuard.Stop(guard);
            throw;
        }
        return (started, guard);
    }

    void WaitUntilAnswers(Process started)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (started.HasExited)
                throw new InvalidOperationException($"redis-server exited with code {started.ExitCode} on port {Port}.");
            if (AnswersPing())
                return;
            Thread.Sleep(20);
        }
        started.Kill(entireProcessTree: true);
        throw new TimeoutException($"redis-server did not answer PING on {Endpoint} within 30 s.");
    }

    bool AnswersPing()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            client.ReceiveTimeout = 1000;
            var stream = client.GetStream();
            stream.Write("*1\r\n$4\r\nPING\r\n"u8);
            var reply = new byte[7];
            return stream.ReadAtLeast(reply, reply.Length, throwOnEndOfStream: false) == reply.Length
                && reply.AsSpan().SequenceEqual("+PONG\r\n"u8);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return false;
        }
    }

    public void Stop()
    {
        if (process.HasExited && guard.HasExited) return;
        OrphanGuard.Stop(guard);
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    static int FreeLoopbackPort() => Chat.Server.Storage.EmbeddedRedis.FreeLoopbackPort();
}

// Ends a test server when the test process ends, however it ends: vstest may kill the test host before
// ProcessExit handlers finish. The guard is a shell whose stdin is a pipe from this process; when the pipe
// closes, its `cat` returns and the script runs. Stop() kills the guard first, so it never acts on a reused pid.
// Scripts may call `killtree PID...`: it freezes each process so it cannot start more, then kills its children
// and it (Garnet runs as a child of `dotnet tool run`).
static class OrphanGuard
{
    const string KillTree = """killtree() { kill -STOP "$@"; for pid in "$@"; do pkill -9 -P "$pid"; done; kill -9 "$@"; }""";

    public static Process Start(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true };
        foreach (var argument in (string[])["-c", $"cat >/dev/null; exec >/dev/null 2>&1; {KillTree}; {script}", "orphan-guard", .. arguments])
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    public static void Stop(Process guard)
    {
        guard.Kill();
        guard.WaitForExit();
        guard.Dispose();
    }
}
