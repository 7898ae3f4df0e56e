using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Chat.Tests.Support;

// One Chat.Server node as a real process (`dotnet Chat.Server.dll`), for tests that SIGKILL it, restart it,
// or take away what it depends on. Settings are passed as environment variables, as ops/cluster.sh does.
public sealed class ChatNode : IAsyncDisposable
{
    // The server assembly next to the tests' own: the project reference copies it here with its
    // runtimeconfig and deps files, built in the same configuration and at the same moment as the tests,
    // so it can never be older than the code the tests were compiled against (Chat.Server/bin/<Configuration>
    // would be the same build, but only if nobody built the server alone in between).
    static readonly string ServerAssembly = Path.Combine(AppContext.BaseDirectory, "Chat.Server.dll");
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    readonly IReadOnlyDictionary<string, string> settings;
    readonly TimeSpan startTimeout;
    readonly ConcurrentQueue<string> output = new();
    Process? process;
    Process? guard;

    ChatNode(int port, IReadOnlyDictionary<string, string> settings, TimeSpan startTimeout)
    {
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        this.settings = settings;
        this.startTimeout = startTimeout;
    }

    public int Port { get; }
    public Uri BaseUri { get; }
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("the node is not running");
    public string SetupCodeFile => settings["Staff:SetupCodeFile"];

    // The node's last lines of console output, for failure messages.
    public string Output => string.Join(Environment.NewLine, output);

    // settings: configuration keys as in appsettings.json ("Redis:Configuration"); Staff:SetupCodeFile is added if absent.
    public static async Task<ChatNode> StartAsync(IDictionary<string, string> settings, TimeSpan? startTimeout = null)
    {
        if (!File.Exists(Path.ChangeExtension(ServerAssembly, ".runtimeconfig.json")))
            throw new InvalidOperationException($"{ServerAssembly} with its runtimeconfig was not found next to the tests: build Chat.sln");
        var all = new Dictionary<string, string>(settings);
        all.TryAdd("Staff:SetupCodeFile", Path.Combine(Path.GetTempPath(), $"chat-setup-{Guid.NewGuid():N}.txt"));
        var node = new ChatNode(Chat.Server.Storage.EmbeddedRedis.FreeLoopbackPort(), all, startTimeout ?? TimeSpan.FromSeconds(60));
        await node.StartAgainAsync();
        return node;
    }

    // Starts the process (again) on the same port with the same settings and waits until /healthz answers 200.
    public async Task StartAgainAsync()
    {
        if (process is { HasExited: false }) throw new InvalidOperationException($"the node on port {Port} still runs");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, // where Chat.Server's appsettings.json was copied
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ServerAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        process?.Dispose();
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        guard = OrphanGuard.Start("""killtree "$1" """, process.Id.ToString());
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthy();
    }

    // kill -9 of the node alone, as the OOM killer would do it: child processes (the embedded Garnet) live on.
    public void Kill() => KillAndWait(entireProcessTree: false);

    // kill -9 of the node and everything it started, as a power cut would leave things.
    public void KillWithChildren() => KillAndWait(entireProcessTree: true);

    public async Task<string> SetupCode()
    {
        var deadline = DateTime.UtcNow + ChatApp.Timeout;
        while (!File.Exists(SetupCodeFile) || (await File.ReadAllTextAsync(SetupCodeFile)).Trim().Length == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"node {Port} wrote no setup code to {SetupCodeFile}. {Output}");
            await Task.Delay(50);
        }
        return (await File.ReadAllTextAsync(SetupCodeFile)).Trim();
    }

    public ValueTask DisposeAsync()
    {
        KillAndWait(entireProcessTree: true);
        process?.Dispose();
        File.Delete(SetupCodeFile);
        return ValueTask.CompletedTask;
    }

    async Task WaitUntilHealthy()
    {
        var deadline = DateTime.UtcNow + startTimeout;
        while (true)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"node {Port} exited with code {process.ExitCode} before it was healthy. {Output}");
            if (await Healthy()) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"node {Port} was not healthy within {startTimeout.TotalSeconds} s. {Output}");
            await Task.Delay(50);
        }
    }

    async Task<bool> Healthy()
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(BaseUri, "/healthz"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    void KillAndWait(bool entireProcessTree)
    {
        if (guard is not null) OrphanGuard.Stop(guard);
        guard = null;
        if (process is not { HasExited: false } running) return;
        running.Kill(entireProcessTree); // SIGKILL on Linux
        if (!running.WaitForExit(TimeSpan.FromSeconds(10)))
            throw new TimeoutException($"node {Port} (pid {running.Id}) did not die within 10 s of SIGKILL");
    }

    void Remember(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        output.Enqueue(line);
        while (output.Count > 40) output.TryDequeue(out _);
    }
}
