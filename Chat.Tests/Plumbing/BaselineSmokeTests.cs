using System.Diagnostics;
using System.Text.Json;
using Chat.Tests.Support;

namespace Chat.Tests.Plumbing;

// The load benchmarks' baselines (ops/bench/baselines, docs/benchmarks.md) must stay runnable: each relay is started
// as the benchmark starts it, the smoke client passes 100 messages each way between two clients in one room, and the
// load tool's relay targets (ops/bench/targets) drive it for a few seconds with the service's message pattern.
[Collection(BenchToolCollection.Name)]
public sealed class BaselineSmokeTests
{
    static readonly string Baselines = Repository.File("ops/bench/baselines");
    static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    static readonly Lazy<Task> Installed = new(() => Task.WhenAll(
        NpmCi(Path.Combine(Baselines, "socketio")), NpmCi(Path.Combine(Baselines, "smoke")), NpmCi(Repository.File("ops/bench"))));

    [Fact]
    public async Task BareSignalRRelayPassesMessagesBothWaysInOrder() =>
        await WithRelay(SignalRRelay(), port => PassesSmoke("signalr", port));

    [Fact]
    public async Task SocketIoRelayPassesMessagesBothWaysInOrder() =>
        await WithRelay(SocketIoRelay(), port => PassesSmoke("socketio", port));

    [Fact]
    public async Task LoadToolDrivesTheSignalRRelayWithNothingLostTwiceOrOutOfOrder() =>
        await WithRelay(SignalRRelay(), port => LoadToolRuns("signalr-relay", port));

    [Fact]
    public async Task LoadToolDrivesTheSocketIoRelayWithNothingLostTwiceOrOutOfOrder() =>
        await WithRelay(SocketIoRelay(), port => LoadToolRuns("socketio", port));

    static Relay SignalRRelay()
    {
        // Built with the tests (a ProjectReference that copies nothing), in the tests' own configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Baselines, "SignalRRelay", "bin", configuration, "net10.0", "SignalRRelay.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build Chat.Tests or Chat.sln first");
        return new Relay("signalr", "dotnet", dll);
    }

    static Relay SocketIoRelay() => new("socketio", "node", Path.Combine(Baselines, "socketio", "relay.js"));

    sealed record Relay(string Kind, string Executable, string Entry);

    static async Task PassesSmoke(string kind, int port)
    {
        // The client gives up by itself after 20 s; the limit here only guards against a hung node.
        using var smoke = await Run("node", [Path.Combine(Baselines, "smoke", "smoke.js"), kind, $"http://127.0.0.1:{port}"]);
        Assert.True(smoke.Process.ExitCode == 0, $"the {kind} smoke client failed: {smoke.Output}");
        Assert.Contains($"ok {kind}: 100 messages each way, in order", smoke.Output);
    }

    // Three rooms for three seconds, messages every 1-2 s: what was delivered and how, never how fast.
    static async Task LoadToolRuns(string target, int port)
    {
        var resultFile = Path.Combine(Path.GetTempPath(), $"relay-load-{Guid.NewGuid():N}.json");
        try
        {
            using var load = await Run("node", [Repository.File("ops/bench/load.js"), "--target", target,
                "--url", $"http://127.0.0.1:{port}", "--conversations", "3", "--duration", "3",
                "--interval", "1-2", "--length", "2-3", "--out", resultFile]);
            Assert.True(File.Exists(resultFile), $"the load tool wrote no result (exit {load.Process.ExitCode}): {load.Output}");
            var output = File.ReadAllText(resultFile);
            using var result = JsonDocument.Parse(output);
            Assert.Equal(target, result.RootElement.GetProperty("target").GetString());
            LoadToolResult.AssertClean(result.RootElement.GetProperty("messages"), output);
            Assert.True(load.Process.ExitCode == 0, $"the load tool exited with {load.Process.ExitCode}: {load.Output}");
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    static async Task WithRelay(Relay relay, Func<int, Task> check)
    {
        await Installed.Value.Within(TimeSpan.FromMinutes(2), "npm ci in ops/bench/baselines and ops/bench");
        var port = Chat.Server.Storage.EmbeddedRedis.FreeLoopbackPort();
        var started = Start(relay.Executable, [relay.Entry], new() { ["RELAY_PORT"] = port.ToString() });
        var guard = OrphanGuard.Start("""killtree "$1" """, started.Process.Id.ToString());
        try
        {
            await WaitUntilListening(started, port);
            await check(port);
        }
        finally
        {
            OrphanGuard.Stop(guard);
            if (!started.Process.HasExited) started.Process.Kill(entireProcessTree: true);
            await started.Process.WaitForExitAsync().Within(TimeSpan.FromSeconds(10), $"the {relay.Kind} relay's exit");
            started.Dispose();
        }
    }

    static async Task NpmCi(string directory)
    {
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
