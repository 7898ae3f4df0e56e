using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chat.Tests.Support;

// Debian nginx in front of nodes on loopback, from the very template ops/cluster.sh uses (ops/nginx.conf),
// in a temp prefix and without root, so the tests prove the shipped configuration.
public sealed class Nginx : IAsyncDisposable
{
    const string Executable = "/usr/sbin/nginx";
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    readonly Process process;
    readonly Process guard;
    readonly string prefix;
    readonly ConcurrentQueue<string> output = new();

    Nginx(Process process, string prefix, int port)
    {
        this.process = process;
        this.prefix = prefix;
        guard = OrphanGuard.Start("""killtree "$1"; rm -rf "$2" """, process.Id.ToString(), prefix);
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseUri { get; }

    public static async Task<Nginx> StartAsync(IEnumerable<int> nodePorts)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException("nginx is not installed: run ops/test.sh, which installs it (apt-get install -y nginx).");
        var prefix = Directory.CreateTempSubdirectory("chat-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        var port = Chat.Server.Storage.EmbeddedRedis.FreeLoopbackPort();
        var nodes = string.Join('\n', nodePorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;"));
        var config = (await File.ReadAllTextAsync(Repository.File("ops/nginx.conf")))
            .Replace("@PORT@", port.ToString()).Replace("\n@NODES@\n", $"\n{nodes}\n"); // the line, not the mention above it
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), config);

        // In the foreground, so this Process is nginx's master and disposing kills it with its worker.
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", prefix + "/", "-e", "stderr", "-c", "nginx.conf", "-g", "daemon off;" })
            start.ArgumentList.Add(argument);
        var nginx = new Nginx(Process.Start(start)!, prefix, port);
        nginx.process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) nginx.output.Enqueue(line); };
        nginx.process.OutputDataReceived += (_, _) => { };
        nginx.process.BeginErrorReadLine();
        nginx.process.BeginOutputReadLine();
        await nginx.WaitUntilListening();
        return nginx;
    }

    // The node port that answers this machine's requests: nginx is sticky by client address and names the node.
    public async Task<int> NodeAnswering()
    {
        using var response = await Http.GetAsync(new Uri(BaseUri, "/healthz"));
        var upstream = response.Headers.TryGetValues("X-Upstream", out var values) ? string.Join(",", values) : "";
        // After a failed try the header lists every node tried ("127.0.0.1:5081, 127.0.0.1:5082"): the last one answered.
        return int.TryParse(upstream.Split(',').Last().Split(':').Last(), out var port)
            ? port
            : throw new InvalidOperationException($"nginx sent no X-Upstream header (got '{upstream}', status {(int)response.StatusCode})");
    }

    public ValueTask DisposeAsync()
    {
        OrphanGuard.Stop(guard);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        process.Dispose();
        Directory.Delete(prefix, recursive: true);
        return ValueTask.CompletedTask;
    }

    async Task WaitUntilListening()
    {
        if (await Listening.Until(process, BaseUri.Port, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20)) is { } reason)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"nginx {reason}: {string.Join(" | ", output)}");
        }
    }
}
