using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Chat.Tests.Support;

// A real Debian redis-server on a free loopback port. Most tests share one (with a unique key prefix each);
// tests that restart or break the server start their own.
public sealed class RedisServer : IDisposable
{
    static readonly Lazy<RedisServer> shared = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly string? dataDirectory;
    readonly Lazy<ConnectionMultiplexer> connection;
    Process process;
    int disposed;

    RedisServer(int port, string? dataDirectory)
    {
        Port = port;
        this.dataDirectory = dataDirectory;
        process = Launch();
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

    public ConnectionMultiplexer Connect() =>
        ConnectionMultiplexer.Connect($"{Endpoint},abortConnect=false,connectTimeout=5000,syncTimeout=5000");

    // Kill -9 and start again on the same port and directory: a crash is the harder case for the AOF.
    public void Restart()
    {
        Stop();
        process = Launch();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        if (connection.IsValueCreated)
            connection.Value.Dispose();
        Stop();
        if (dataDirectory is not null)
            Directory.Delete(dataDirectory, recursive: true);
    }

    static RedisServer StartShared()
    {
        var server = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    Process Launch()
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
        WaitUntilAnswers(started);
        return started;
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

    void Stop()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
