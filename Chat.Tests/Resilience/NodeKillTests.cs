using System.Diagnostics;
using Chat.Server.Conversations;
using Chat.Tests.Support;
using Xunit.Abstractions;

namespace Chat.Tests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class NodeKillTests(ITestOutputHelper output)
{
    const int Messages = 20;
    const int KillAfter = 8;
    static readonly TimeSpan T = ChatApp.Timeout;
    static readonly TimeSpan Comeback = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ANodeKilledMidConversationLosesNothingAndRepeatsNothing()
    {
        await using var cluster = await ProcessCluster.StartAsync(nodeCount: 2, nginx: true);
        var front = cluster.Front!;
        var cookie = await ProcessCluster.FirstCounsellor(cluster.Nodes[0]);
        await using var counsellor = await BrowserCounsellor.Connect(front.BaseUri, cookie);
        (await counsellor.Counsellor.GoOnDuty(1)).Value();
        await using var youth = await BrowserYouth.Connect(front.BaseUri);
        await youth.Start();
        var id = Assert.Single(await counsellor.Counsellor.QueueOf(1)).ConversationId;
        await counsellor.Take(id);
        await youth.Transcript.WaitForSeq(1, T);
        // nginx keeps every client of one address on one node, so both sides are on this one.
        var doomed = cluster.Node(await front.NodeAnswering());

        var youthTexts = Enumerable.Range(1, Messages).Select(i => $"ung {i}").ToList();
        var counsellorTexts = Enumerable.Range(1, Messages).Select(i => $"kurator {i}").ToList();
        var youthHalfway = new TaskCompletionSource();
        var counsellorHalfway = new TaskCompletionSource();
        var youthSending = SendAll(youthTexts, i => youth.Send(youthTexts[i], $"y{i}"), youthHalfway);
        var counsellorSending = SendAll(counsellorTexts, i => counsellor.Send(id, counsellorTexts[i], $"c{i}"), counsellorHalfway);
        await Task.WhenAll(youthHalfway.Task, counsellorHalfway.Task).Within(T);

        var killed = Stopwatch.GetTimestamp();
        doomed.Kill();
        var youthBack = await youth.Resumes.Next(Comeback);
        var counsellorBack = await counsellor.Resumes.Next(Comeback);
        var sent = await Task.WhenAll(youthSending, counsellorSending).Within(Comeback);
        // A page that never saw the reply to a send from before the kill sends it again, now to the other node.
        Assert.Equal(sent[0].Seqs[KillAfter - 1], (await youth.Send(youthTexts[KillAfter - 1], $"y{KillAfter - 1}")).Value.Seq);

        var stored = await counsellor.Stored(id);
        await youth.Transcript.WaitForSeq(stored.Count, T);
        await counsellor.TranscriptOf(id).WaitForSeq(stored.Count, T);
        Transcript.AssertSameAndComplete(stored, youth.Transcript, counsellor.TranscriptOf(id), youthTexts, counsellorTexts);
        Assert.NotEqual(doomed.Port, await front.NodeAnswering());

        output.WriteLine($"SIGKILL to resumed through nginx on the other node: young person {Ms(killed, youthBack)} ms, " +
            $"counsellor {Ms(killed, counsellorBack)} ms; sends repeated: young person {sent[0].Repeats}, counsellor {sent[1].Repeats}; " +
            $"{stored.Count} entries stored");
    }

    // Sends in order, a little apart as people type, each repeated until stored; returns the seqs and the repeats.
    static async Task<(List<long> Seqs, int Repeats)> SendAll(
        IReadOnlyList<string> texts, Func<int, Task<(SendResult Value, int Attempts)>> send, TaskCompletionSource halfway)
    {
        var (seqs, repeats) = (new List<long>(), 0);
        for (var i = 0; i < texts.Count; i++)
        {
            if (i == KillAfter) halfway.TrySetResult();
            var (result, attempts) = await send(i);
            seqs.Add(result.Seq);
            repeats += attempts - 1;
            await Task.Delay(25);
        }
        return (seqs, repeats);
    }

    static long Ms(long from, long to) => (long)Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
