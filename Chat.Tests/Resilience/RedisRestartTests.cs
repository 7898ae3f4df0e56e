using System.Diagnostics;
using Chat.Tests.Support;
using Xunit.Abstractions;

namespace Chat.Tests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    static readonly TimeSpan T = ChatApp.Timeout;

    // redis-server with appendfsync always, killed with SIGKILL (nothing gets flushed on the way out) and started
    // again on the same port and files; the nodes and every client connection stay up throughout.
    [Fact]
    public async Task RedisKilledAndRestartedWithAofKeepsTheQueueAndTheConversation()
    {
        await using var cluster = await ProcessCluster.StartAsync(nodeCount: 2);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        await using var counsellor = await BrowserCounsellor.Connect(b.BaseUri, await ProcessCluster.FirstCounsellor(a));
        (await counsellor.Counsellor.GoOnDuty(2)).Value();
        await using var talking = await BrowserYouth.Connect(a.BaseUri);
        await talking.Start();
        var id = Assert.Single(await counsellor.Counsellor.QueueOf(1)).ConversationId;
        await counsellor.Take(id);
        await talking.Send("hej", "y1");
        await counsellor.Send(id, "hej, jag heter Ulla", "c1");
        await using var waiting = await BrowserYouth.Connect(a.BaseUri);
        await waiting.Start();
        var queued = Assert.Single(await counsellor.Counsellor.QueueOf(1)).ConversationId;

        var stopped = Stopwatch.GetTimestamp();
        cluster.Redis.Stop();
        // Refused with a code the pages know ("try again"), and nothing was stored.
        (await talking.Youth.Send("är du kvar?", "y2")).Refused("unavailable");
        (await counsellor.Counsellor.Send(id, "jag är här", "c2")).Refused("unavailable");
        // A restart takes a moment; long enough here for the nodes' Redis client to fail a few reconnect attempts.
        await Task.Delay(TimeSpan.FromSeconds(2));
        cluster.Redis.StartAgain();
        var restarted = Stopwatch.GetTimestamp();

        // The same sends again, with the same clientMessageIds, until the nodes reach Redis again.
        var (_, attempts) = await talking.Send("är du kvar?", "y2");
        var served = Stopwatch.GetTimestamp();
        await counsellor.Send(id, "jag är här", "c2");

        var state = await counsellor.Snapshot();
        Assert.Equal([queued], state.Waiting.Select(w => w.ConversationId));
        Assert.Equal("active", state.Chats.Single(c => c.ConversationId == id).State);
        await counsellor.Take(queued);
        Assert.Equal("joined", (await waiting.Youth.Next("joined")).Kind);

        // Pushes between the two nodes work again: the pub/sub subscription came back with the connection.
        await talking.Send("bra", "y3");
        await counsellor.Send(id, "vad vill du prata om?", "c3");
        var stored = await counsellor.Stored(id);
        await talking.Transcript.WaitForSeq(stored.Count, T);
        await counsellor.TranscriptOf(id).WaitForSeq(stored.Count, T);
        Transcript.AssertSameAndComplete(stored, talking.Transcript, counsellor.TranscriptOf(id),
            ["hej", "är du kvar?", "bra"], ["hej, jag heter Ulla", "jag är här", "vad vill du prata om?"]);

        output.WriteLine($"redis-server down for {Ms(stopped, restarted)} ms; first send stored {Ms(restarted, served)} ms " +
            $"after it was back ({Ms(stopped, served)} ms after the kill, attempt {attempts})");
    }

    static long Ms(long from, long to) => (long)Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
