using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Chat.Server.Storage;

// Garnet ships as the garnet-server dotnet tool pinned in .config/dotnet-tools.json, so a fresh clone gets it
// from NuGet with `dotnet tool restore` and needs neither root nor an installed Redis.
sealed partial class GarnetTool(string directory, ILogger logger)
{
    readonly ConcurrentQueue<string> output = new();

    public static GarnetTool Find(ILogger logger)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, ".config", "dotnet-tools.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("garnet-server", StringComparison.Ordinal))
                    return new GarnetTool(dir.FullName, logger);
            }
        throw new InvalidOperationException(
            "The embedded Redis needs the garnet-server tool from .config/dotnet-tools.json, but no such manifest was found above " +
            $"{Environment.CurrentDirectory} or {AppContext.BaseDirectory}. Run from the repository or configure a Redis connection.");
    }

    // The last lines the tool printed, for failure messages.
    public string LastOutput => output.IsEmpty ? "It printed nothing." : "Its last output: " + string.Join(" | ", output);

    public async Task RestoreAsync(CancellationToken ct)
    {
        EmbeddedRedisLog.RestoringTools(logger, directory);
        using var restore = Run(["tool", "restore"]);
        try
        {
            await restore.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            restore.Kill(entireProcessTree: true);
            throw;
        }
        if (restore.ExitCode != 0)
            throw new InvalidOperationException($"`dotnet tool restore` failed in {directory} with exit code {restore.ExitCode}. {LastOutput}");
    }

    public Process StartServer(int port, string dataDirectory) =>
        Run(["tool", "run", "garnet-server", "--", .. ServerArguments(port, dataDirectory)]);

    // --aof --recover: every write goes to an append-only file under --checkpointdir and is replayed at start.
    // --aof-commit-freq 0 commits each write, and --aof-commit-wait answers only once it is in the file: killing
    // Garnet (-9) right after four acknowledged writes lost some of them in 11 of 250 rounds without it, in 0 of 271
    // with it; a single connection's writes take ~0.15 ms instead of ~0.06 ms.
    // --device-type RandomAccess: the default native device needs libaio, absent on a fresh machine.
    // --checkpoint-freq 600 truncates the AOF every 10 minutes so a restart replays little; --index 16m keeps
    // each checkpoint at 16 MB instead of 128 MB and still holds millions of keys.
    static string[] ServerArguments(int port, string dataDirectory) =>
    [
        "--port", port.ToString(), "--bind", "127.0.0.1", "--lua", "true",
        "--aof", "--recover", "--aof-commit-freq", "0", "--aof-commit-wait",
        "--checkpointdir", dataDirectory, "--device-type", "RandomAccess",
        "--checkpoint-freq", "600", "--index", "16m", "-q",
    ];

    Process Run(string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = directory, // `dotnet tool run` looks for the manifest from here
            RedirectStandardInput = true, // keeps Garnet away from the host's terminal
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start `dotnet`.");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    void Record(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        line = AnsiEscape().Replace(line, "");
        EmbeddedRedisLog.GarnetOutput(logger, line);
        output.Enqueue(line);
        while (output.Count > 20)
            output.TryDequeue(out _);
    }

    // Under `dotnet run` or `dotnet test` the host is the dotnet muxer itself; otherwise take dotnet from PATH.
    static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    [GeneratedRegex(@"\x1B\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
