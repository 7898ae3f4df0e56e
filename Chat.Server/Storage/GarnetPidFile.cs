using System.Diagnostics;

namespace Chat.Server.Storage;

// garnet.pid in the data directory: it records the Garnet processes so the next start can kill a server a
// crashed run left behind, and, held open with FileShare.None (an flock on Linux), it keeps two services from
// sharing one data directory. The lock dies with our process; Garnet does not inherit it (.NET opens files
// close-on-exec), so a stale Garnet never blocks a new start.
sealed class GarnetPidFile : IDisposable
{
    readonly FileStream file;
    readonly string dataDirectory;
    int[] pids = [];

    GarnetPidFile(FileStream file, string dataDirectory) => (this.file, this.dataDirectory) = (file, dataDirectory);

    public static GarnetPidFile Acquire(string dataDirectory, ILogger logger)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "garnet.pid");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"The embedded Redis data directory {dataDirectory} is in use by another running service ({path} is locked).", e);
        }

        var pidFile = new GarnetPidFile(file, dataDirectory);
        try
        {
            foreach (var pid in pidFile.ReadPids().Where(pidFile.IsOurGarnet))
            {
                EmbeddedRedisLog.KilledStale(logger, pid);
                Kill(pid);
            }
            pidFile.Record([]);
            return pidFile;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    // `dotnet tool run` starts Garnet as a child process, so record the runner and everything below it.
    public void Record(Process runner) => Record([runner.Id, .. Descendants(runner.Id)]);

    public void Record(int[] current)
    {
        pids = current;
        file.SetLength(0);
        file.Position = 0;
        using var writer = new StreamWriter(file, leaveOpen: true);
        foreach (var pid in current)
            writer.WriteLine(pid);
        writer.Flush();
        file.Flush(flushToDisk: true);
    }

    // Kills recorded Garnet processes that are still alive, e.g. a server orphaned by its runner.
    public void KillLeftovers()
    {
        foreach (var pid in pids.Where(IsOurGarnet))
            Kill(pid);
    }

    public void Dispose()
    {
        Record([]);
        file.Dispose();
    }

    IEnumerable<int> ReadPids()
    {
        using var reader = new StreamReader(file, leaveOpen: true);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => int.TryParse(line, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .ToArray();
    }

    // A pid can be reused by an unrelated process after a crash; only kill a Garnet serving this directory.
    bool IsOurGarnet(int pid)
    {
        var arguments = ReadProcFile(pid, "cmdline")?.Split('\0') ?? [];
        return arguments.Any(argument => argument.Contains("garnet", StringComparison.OrdinalIgnoreCase))
            && arguments.Contains(dataDirectory, StringComparer.Ordinal);
    }

    static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    static IEnumerable<int> Descendants(int root)
    {
        if (!Directory.Exists("/proc"))
            return [];
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            // /proc/<pid>/stat is "pid (comm) state ppid ...", and comm may itself contain spaces or ')'.
            if (int.TryParse(Path.GetFileName(dir), out var pid)
                && ReadProcFile(pid, "stat") is { } stat
                && stat[(stat.LastIndexOf(')') + 2)..].Split(' ') is [_, var ppid, ..]
                && int.TryParse(ppid, out var parent))
                parents[pid] = parent;
        }
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var current))
            foreach (var (child, _) in parents.Where(p => p.Value == current))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        return found;
    }

    static string? ReadProcFile(int pid, string name)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{name}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
