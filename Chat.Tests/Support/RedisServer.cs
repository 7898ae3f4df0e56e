using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace Chat.Tests.Support;

// A real Debian redis-server on a free loopback port, started and stopped by the tests.
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly Lazy<RedisServer> SharedInstance = new(() =>
    {
        var server = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    });

    // One server for the whole run; tests keep apart through their own key prefixes.
    public static RedisServer Shared => SharedInstance.Value;

    private readonly string[] _arguments;
    private Process? _process;

    private RedisServer(int port, string[] arguments)
    {
        Port = port;
        _arguments = arguments;
    }

    public int Port { get; }
    public string Endpoint => $"127.0.0.1:{Port}";

    private ConnectionMultiplexer? _connection;

    // One client connection per server, shared by the tests that talk to Redis directly.
    public ConnectionMultiplexer Connection => LazyInitializer.EnsureInitialized(ref _connection,
        () => ConnectionMultiplexer.Connect($"{Endpoint},abortConnect=false,connectTimeout=5000,syncTimeout=5000"));

    // appendOnlyDirectory: keep data across StartAgain() with AOF fsynced on every write.
    public static RedisServer Start(string? appendOnlyDirectory = null)
    {
        var port = FreePort();
        string[] persistence = appendOnlyDirectory is null
            ? ["--save", "", "--appendonly", "no"]
            : ["--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", appendOnlyDirectory];
        var server = new RedisServer(port, ["--port", $"{port}", "--bind", "127.0.0.1", "--daemonize", "no", .. persistence]);
        server.StartAgain();
        return server;
    }

    public void StartAgain()
    {
        if (!File.Exists("/usr/bin/redis-server"))
            throw new InvalidOperationException("redis-server is not installed: run ops/test.sh, which installs it.");
        var start = new ProcessStartInfo("/usr/bin/redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in _arguments) start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!Answers(Port))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"redis-server did not start on port {Port}");
            Thread.Sleep(20);
        }
    }

    public void Stop()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    public static int FreePort() => Chat.Server.Storage.EmbeddedRedis.FreeLoopbackPort();

    public static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG");
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
