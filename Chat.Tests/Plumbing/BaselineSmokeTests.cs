using System.Diagnostics;
using Chat.Tests.Support;

namespace Chat.Tests.Plumbing;

// The load benchmarks' baselines (ops/bench/baselines, docs/benchmarks.md) must stay runnable: each relay is started
// as the benchmark starts it, and the smoke client passes 100 messages each way between two clients in one room.
public sealed class BaselineSmokeTests
{
    static readonly string Baselines = Repository.File("ops/bench/baselines");
    static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    static readonly Lazy<Task> Installed = new(() => Task.WhenAll(NpmCi("socketio"), NpmCi("smoke")));

    [Fact]
    public async Task BareSignalRRelayPassesMessagesBothWaysInOrder()
    {
        // Built with the tests (a ProjectReference that copies nothing), in the tests' own configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Baselines, "SignalRRelay", "bin", configuration, "net10.0", "SignalRRelay.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build Chat.Tests or Chat.sln first");
        await RelayPassesSmoke("signalr", "dotnet", dll);
    }

    [Fact]
    public async Task SocketIoRelayPassesMessagesBothWaysInOrder() =>
        await RelayPassesSmoke("socketio", "node", Path.Combine(Baselines, "socketio", "relay.js"));

    static async Task RelayPassesSmoke(string kind, string executable, string entry)
    {
        await Installed.Value.Within(TimeSpan.FromMinutes(2), "npm ci in ops/bench/baselines");
        var port = Chat.Server.Storage.EmbeddedRedis.FreeLoopbackPort();
        var relay = Start(executable, [entry], new() { ["RELAY_PORT"] = port.ToString() });
        var guard = OrphanGuard.Start("""killtree "$1" """, relay.Process.Id.ToString());
        try
        {
            await WaitUntilListening(relay, port);
            // The client gives up by itself after 20 s; the limit here only guards against a hung node.
            using var smoke = await Run("node", [Path.Combine(Baselines, "smoke", "smoke.js"), kind, $"http://127.0.0.1:{port}"]);
            Assert.True(smoke.Process.ExitCode == 0, $"the {kind} smoke client failed: {smoke.Output}");
            Assert.Contains($"ok {kind}: 100 messages each way, in order", smoke.Output);
        }
        finally
        {
            OrphanGuard.Stop(guard);
            if (!relay.Process.HasExited) relay.Process.Kill(entireProcessTree: true);
            await relay.Process.WaitForExitAsync().Within(TimeSpan.FromSeconds(10), $"the {kind} relay's exit");
            relay.Dispose();
        }
    }

    static async Task NpmCi(string folder)
    {
        var directory = Path.Combine(Baselines, folder);
        var installed = new FileInfo(Path.Combine(directory, "node_modules", ".package-lock.json"));
        if (installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(directory, "package-lock.json")))
            return;
        using var npm = await Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], directory);
        if (npm.Process.ExitCode != 0)
            throw new InvalidOperationException($"npm ci in {directory} failed: {npm.Output}");
        // npm ci may keep the lock file's old time on its copy; touch it so the next run skips the install.
        File.SetLastWriteTimeUtc(installed.FullName, DateTime.UtcNow);
    }

    static async Task WaitUntilListening(Started relay, int port)
    {
        if (await Listening.Until(relay.Process, port, StartLimit, TimeSpan.FromMilliseconds(50)) is { } failure)
            throw relay.Process.HasExited
                ? new InvalidOperationException($"the relay {failure}: {relay.Output}")
                : new TimeoutException($"the relay {failure}: {relay.Output}");
    }

    // Runs a command to its end (killed if it outlives the limit) and keeps what it printed.
    static async Task<Started> Run(string executable, string[] arguments, string? directory = null)
    {
        var run = Start(executable, arguments, [], directory);
        try
        {
            await run.Process.WaitForExitAsync().Within(TimeSpan.FromSeconds(90), $"{executable} {string.Join(' ', arguments)}");
            return run;
        }
        catch
        {
            run.Process.Kill(entireProcessTree: true);
            run.Dispose();
            throw;
        }
    }

    sealed record Started(Process Process, StringWriter Log) : IDisposable
    {
        public string Output { get { lock (Log) return Log.ToString(); } }

        public void Dispose() => Process.Dispose();
    }

    static Started Start(string executable, string[] arguments, Dictionary<string, string> environment, string? directory = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory ?? Baselines,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var log = new StringWriter();
        var process = Process.Start(start)!;
        DataReceivedEventHandler append = (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Started(process, log);
    }
}
