using System.Diagnostics;
using System.Text.Json;
using Chat.Tests.Support;

namespace Chat.Tests.Plumbing;

// Keeps the load tool (ops/bench, issue 8) working: a seconds-long run through ops/bench.sh --smoke against a node on
// loopback, from setting up the first admin to every conversation ended. Asserts what was delivered, never how fast.
[Collection(BenchToolCollection.Name)]
public sealed class BenchSmokeTests : IAsyncLifetime
{
    // Generous: on a fresh clone the script first installs the tool's packages (npm ci).
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);

    // Every simulated young person comes from 127.0.0.1: the per-client flood limits would stop them, as ops/bench.sh
    // also raises them for its node.
    private readonly ChatApp _app = ChatApp.OnSharedRedis(new Dictionary<string, string?>
    {
        ["Abuse:StartsPerClient"] = "1000",
        ["Abuse:MessagesPerClient"] = "1000",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SmokeRunDeliversEveryMessageOnceAndInOrder()
    {
        var baseUri = _app.StartOnLoopback();
        await _app.SetupCode(); // written once the node has started and found no staff account

        var (exitCode, output, errors) = await RunBench(
            "--smoke", "--url", baseUri.ToString().TrimEnd('/'), "--setup-code-file", _app.SetupCodeFile);

        Assert.True(exitCode == 0, $"ops/bench.sh exited with {exitCode}:\n{errors}\n{output}");
        using var result = JsonDocument.Parse(output);
        LoadToolResult.AssertClean(result.RootElement.GetProperty("messages"), output);
    }

    // The reconnect storm (--fault storm, halfway through the smoke run): the tool destroys every client's socket at
    // once, and each comes back as the real clients do (Resume with its token and afterSeq, or Snapshot for a
    // counsellor), re-sending unanswered messages with the same clientMessageId. Nothing lost, twice, reordered or
    // missing, and every client back; how fast is for the benchmark, not for this test.
    [Fact]
    public async Task StormRunResumesEveryClientAndLosesNothing()
    {
        var baseUri = _app.StartOnLoopback();
        await _app.SetupCode();

        var (exitCode, output, errors) = await RunBench(
            "--smoke", "--fault", "storm", "--url", baseUri.ToString().TrimEnd('/'), "--setup-code-file", _app.SetupCodeFile);

        Assert.True(exitCode == 0, $"ops/bench.sh exited with {exitCode}:\n{errors}\n{output}");
        using var result = JsonDocument.Parse(output);
        var messages = result.RootElement.GetProperty("messages");
        Assert.True(messages.GetProperty("delivered").GetInt32() > 0, output);
        foreach (var zero in new[] { "lost", "duplicated", "outOfOrder", "gaps" })
            Assert.True(messages.GetProperty(zero).GetInt32() == 0, $"{zero} is not 0:\n{output}");
        var fault = result.RootElement.GetProperty("fault");
        Assert.True(fault.GetProperty("connectionsDroppedByTool").GetInt32() > 0, output);
        Assert.Equal(0, fault.GetProperty("unresumed").GetInt32());
        Assert.Equal(fault.GetProperty("clientsDropped").GetInt32(), fault.GetProperty("resumed").GetInt32());
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunBench(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.File("ops/bench.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var bench = Process.Start(start)!;
        var output = bench.StandardOutput.ReadToEndAsync();
        var errors = bench.StandardError.ReadToEndAsync();
        try
        {
            await bench.WaitForExitAsync().WaitAsync(RunLimit);
        }
        catch (TimeoutException)
        {
            bench.Kill(entireProcessTree: true);
            throw new TimeoutException($"ops/bench.sh --smoke did not finish within {RunLimit}:\n{await errors}");
        }
        return (bench.ExitCode, await output, await errors);
    }
}
