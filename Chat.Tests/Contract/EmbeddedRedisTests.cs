using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chat.Server.Storage;
using Chat.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Chat.Tests.Contract;

// The embedded default's promise: data in a local folder that outlives any crash, and a start that copes
// with what a crashed run left behind.
public sealed class EmbeddedRedisTests
{
    [Fact]
    public async Task AcknowledgedWritesSurviveKillDashNineOfGarnet()
    {
        await using var garnet = await EmbeddedGarnet.StartAsync();
        // Several rounds: a write is at risk in the moment right after its reply, so kill exactly then.
        for (var round = 0; round < 3; round++)
        {
            var key = $"{{{nameof(AcknowledgedWritesSurviveKillDashNineOfGarnet)}}}:{round}:";
            var before = garnet.Connect();
            var db = before.GetDatabase();
            await db.StringSetAsync(key + "string", "kept", TimeSpan.FromHours(1));
            await db.HashSetAsync(key + "hash", "field", "kept");
            await db.ListRightPushAsync(key + "list", "kept");
            await db.SortedSetAddAsync(key + "zset", "kept", 7);
            garnet.Crash();
            Drop(before);

            await garnet.RestartAsync();

            var after = garnet.Connect();
            db = after.GetDatabase();
            Assert.Equal("kept", await db.StringGetAsync(key + "string"));
            Assert.NotNull(await db.KeyTimeToLiveAsync(key + "string"));
            Assert.Equal("kept", await db.HashGetAsync(key + "hash", "field"));
            Assert.Equal("kept", await db.ListGetByIndexAsync(key + "list", 0));
            Assert.Equal(7, await db.SortedSetScoreAsync(key + "zset", "kept"));
            Drop(after);
        }
        Assert.True(File.Exists(Path.Combine(garnet.DataDirectory, "AOF", "aof.log.0")), "the AOF lives in DataDirectory");
    }

    [Fact]
    public async Task StartKillsAGarnetLeftRunningInItsDataDirectory()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chat-garnet-").FullName;
        var port = EmbeddedRedis.FreeLoopbackPort();
        var (stale, guard) = StartGarnetByHand(port, dataDirectory);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dataDirectory, "garnet.pid"), $"{stale.Id}\n");
            var options = new EmbeddedRedisOptions { DataDirectory = dataDirectory, Port = port, StartTimeout = TimeSpan.FromSeconds(120) };

            await using var redis = await EmbeddedRedis.StartAsync(options, NullLogger.Instance, CancellationToken.None);

            Assert.True(stale.HasExited);
            var connection = ConnectionMultiplexer.Connect(redis.Endpoint);
            Assert.True(await connection.GetDatabase().StringSetAsync("answers", "yes"));
            Drop(connection);
        }
        finally
        {
            if (!stale.HasExited)
                stale.Kill(entireProcessTree: true);
            stale.Dispose();
            Directory.Delete(dataDirectory, recursive: true);
            OrphanGuard.Stop(guard);
        }
    }

    [Fact]
    public async Task TwoServicesCannotShareADataDirectory()
    {
        var options = new EmbeddedRedisOptions { DataDirectory = EmbeddedGarnet.Shared.DataDirectory };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => EmbeddedRedis.StartAsync(options, NullLogger.Instance, CancellationToken.None));

        Assert.Contains("in use by another running service", error.Message);
    }

    [Fact]
    public async Task StartFailsClearlyWhenThePortIsTaken()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var dataDirectory = Directory.CreateTempSubdirectory("chat-garnet-").FullName;
        try
        {
            var options = new EmbeddedRedisOptions { DataDirectory = dataDirectory, Port = ((IPEndPoint)taken.LocalEndpoint).Port };

            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => EmbeddedRedis.StartAsync(options, NullLogger.Instance, CancellationToken.None));

            Assert.Contains("already in use", error.Message);
        }
        finally
        {
            taken.Stop();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // What a crashed service leaves behind: Garnet still running on the data directory, its pid on file.
    static (Process Runner, Process Guard) StartGarnetByHand(int port, string dataDirectory)
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, ".config", "dotnet-tools.json")))
            repository = repository.Parent ?? throw new InvalidOperationException("No tool manifest above the test assembly.");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository.FullName, RedirectStandardOutput = true };
        foreach (var argument in (string[])["tool", "run", "garnet-server", "--", "--port", port.ToString(), "--bind", "127.0.0.1",
                     "--checkpointdir", dataDirectory, "--device-type", "RandomAccess", "-q"])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        // Should the test process die, Garnet (the runner's child) and its folder must not outlive it.
        var guard = OrphanGuard.Start("""killtree "$1"; rm -rf "$2" """, process.Id.ToString(), dataDirectory);
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Listens(port))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the hand-started Garnet listens within a minute");
            Thread.Sleep(50);
        }
        return (process, guard);
    }

    // StackExchange.Redis 1.2.6's Dispose waits its syncTimeout for QUIT replies when called on xunit's
    // synchronisation context; closing without waiting first makes it instant.
    static void Drop(ConnectionMultiplexer connection)
    {
        connection.Close(allowCommandsToComplete: false);
        connection.Dispose();
    }

    static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
