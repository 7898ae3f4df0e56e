using System.Diagnostics;
using Chat.Tests.Support;
using Xunit.Abstractions;

namespace Chat.Tests.Resilience;

// The default without Redis: the node starts Garnet itself (`dotnet tool run garnet-server`, its AOF in
// Redis:Embedded:DataDirectory) and records Garnet's processes in garnet.pid there.
[Collection(ResilienceCollection.Name)]
public sealed class EmbeddedRestartTests : IDisposable
{
    static readonly TimeSpan T = ChatApp.Timeout;
    // A cold machine restores the Garnet tool first (see EmbeddedGarnet).
    static readonly TimeSpan GarnetStart = TimeSpan.FromSeconds(120);

    readonly ITestOutputHelper output;
    readonly string dataDirectory;
    readonly Process guard;

    public EmbeddedRestartTests(ITestOutputHelper output)
    {
        this.output = output;
        dataDirectory = Directory.CreateTempSubdirectory("chat-embedded-").FullName;
        // Should the test process die between the kill and the restart, the stale Garnet must not outlive it.
        guard = OrphanGuard.Start("""killtree $(cat "$1/garnet.pid"); rm -rf "$1" """, dataDirectory);
    }

    // garnetDiesToo: false is kill -9 of the node alone (the OOM killer), which leaves its Garnet running on the
    // data directory; true is a power cut, which takes Garnet down with it.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheQueueAndTheConversationSurviveAKilledNodeOnTheEmbeddedDefault(bool garnetDiesToo)
    {
        await using var node = await ChatNode.StartAsync(new Dictionary<string, string>
        {
            ["Redis:Configuration"] = "",
            ["Redis:Embedded:DataDirectory"] = dataDirectory,
        }, GarnetStart);
        var cookie = await ProcessCluster.FirstCounsellor(node);
        var transcript = new Transcript("young person");
        string id, queued, talkingToken, waitingToken;
        await using (var counsellor = await BrowserCounsellor.Connect(node.BaseUri, cookie, automaticReconnect: false))
        await using (var talking = await BrowserYouth.Connect(node.BaseUri, automaticReconnect: false, transcript: transcript))
        await using (var waiting = await BrowserYouth.Connect(node.BaseUri, automaticReconnect: false))
        {
            (await counsellor.Counsellor.GoOnDuty(2)).Value();
            talkingToken = (await talking.Start()).Token;
            id = Assert.Single(await counsellor.Counsellor.QueueOf(1)).ConversationId;
            await counsellor.Take(id);
            await talking.Send("hej", "y1");
            await counsellor.Send(id, "hej, jag heter Ulla", "c1");
            waitingToken = (await waiting.Start()).Token;
            queued = Assert.Single(await counsellor.Counsellor.QueueOf(1)).ConversationId;
            await transcript.WaitForSeq(3, T);

            if (garnetDiesToo) node.KillWithChildren(); else node.Kill();
            var stale = GarnetsOnThisDirectory();
            if (garnetDiesToo) Assert.Empty(stale); else Assert.NotEmpty(stale); // the `dotnet tool run` runner and Garnet below it
            // The next start finds them through garnet.pid (readable now: its lock died with the node).
            Assert.Subset(RecordedInPidFile(), stale);

            var killed = Stopwatch.GetTimestamp();
            await node.StartAgainAsync();
            output.WriteLine($"kill -9 ({(garnetDiesToo ? "node and Garnet" : "node alone")}) to healthy again: " +
                $"{Stopwatch.GetElapsedTime(killed).TotalMilliseconds:0} ms");
            Assert.DoesNotContain(stale, IsGarnetOfThisDirectory);
        }

        // Every client connects afresh, as the pages do once their reconnect attempts gave up.
        await using var console = await BrowserCounsellor.Connect(node.BaseUri, cookie, automaticReconnect: false);
        var state = await console.Snapshot();
        Assert.Equal([queued], state.Waiting.Select(w => w.ConversationId));
        Assert.Equal("active", state.Chats.Single(c => c.ConversationId == id).State);
        await using var back = await BrowserYouth.Connect(node.BaseUri, transcript: transcript, token: talkingToken);
        Assert.Equal("active", (await back.Resume(takeOver: true)).State);
        await using var stillWaiting = await BrowserYouth.Connect(node.BaseUri, token: waitingToken);
        Assert.Equal((1, "waiting"), ((await stillWaiting.Resume(takeOver: true)).Position, "waiting"));

        await back.Send("är du kvar?", "y2");
        await console.Send(id, "ja, jag är kvar", "c2");
        await console.Take(queued);
        Assert.Equal("joined", (await stillWaiting.Youth.Next("joined")).Kind);
        var stored = await console.Stored(id);
        await transcript.WaitForSeq(stored.Count, T);
        await console.TranscriptOf(id).WaitForSeq(stored.Count, T);
        Transcript.AssertSameAndComplete(stored, transcript, console.TranscriptOf(id), ["hej", "är du kvar?"], ["hej, jag heter Ulla", "ja, jag är kvar"]);
    }

    // A test that failed between the kill and the restart leaves the stale Garnet running: stop it before its files go.
    public void Dispose()
    {
        OrphanGuard.Stop(guard);
        foreach (var pid in GarnetsOnThisDirectory())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }
        Directory.Delete(dataDirectory, recursive: true);
    }

    HashSet<int> RecordedInPidFile() =>
        File.ReadAllLines(Path.Combine(dataDirectory, "garnet.pid")).Where(line => line.Length > 0).Select(int.Parse).ToHashSet();

    HashSet<int> GarnetsOnThisDirectory() =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsGarnetOfThisDirectory(pid))
            .ToHashSet();

    bool IsGarnetOfThisDirectory(int pid)
    {
        try
        {
            // The runner and Garnet both carry the directory as Garnet's --checkpointdir; the orphan guard names it too, but not so.
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return arguments.Zip(arguments.Skip(1)).Contains(("--checkpointdir", dataDirectory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone meanwhile, or not ours to read
        }
    }
}
