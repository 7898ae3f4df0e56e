using Chat.Tests.Support;

namespace Chat.Tests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class ReconnectGapTests
{
    static readonly TimeSpan T = ChatApp.Timeout;

    // A gap of 5 s or of 2 minutes differs, for the server, in two things only: how much the counsellor wrote
    // meanwhile (about one message a second here), and whether the server has noticed the old connection is gone
    // (SignalR gives up on a silent client after 30 s). Nothing else in an active conversation is timed at that
    // scale (retention starts when it ends; the lifetime cap is 12 h), so the gap is compressed to `gapMs` and what
    // is checked is what Redis holds: a resume replays exactly what was sent meanwhile, in order.
    [Theory]
    [InlineData("5 s", 5, 500, false)]
    [InlineData("2 minutes", 120, 2000, true)]
    public async Task AYoungPersonBackAfterAGapGetsExactlyWhatWasSentMeanwhile(string gap, int sentMeanwhile, int gapMs, bool serverNoticed)
    {
        await using var cluster = await ProcessCluster.StartAsync(nodeCount: 2);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        await using var counsellor = await BrowserCounsellor.Connect(b.BaseUri, await ProcessCluster.FirstCounsellor(a));
        (await counsellor.Counsellor.GoOnDuty(1)).Value();
        await using var before = await BrowserYouth.Connect(a.BaseUri, automaticReconnect: false);
        await before.Start();
        var id = Assert.Single(await counsellor.Counsellor.QueueOf(1)).ConversationId;
        await counsellor.Take(id);
        List<string> youthTexts = ["hej", "jag vet inte hur jag ska säga det"];
        List<string> counsellorTexts = ["hej!", "ta den tid du behöver"];
        for (var i = 0; i < 2; i++)
        {
            await before.Send(youthTexts[i], $"y{i}");
            await counsellor.Send(id, counsellorTexts[i], $"c{i}");
        }
        await before.Transcript.WaitForSeq(5, T);

        before.LoseNetwork(serverNotices: serverNoticed);
        var seen = before.Transcript.ResumeAfter;
        var meanwhile = Enumerable.Range(1, sentMeanwhile).Select(i => $"{gap}: {i}").ToList();
        var pace = TimeSpan.FromMilliseconds((double)gapMs / sentMeanwhile);
        for (var i = 0; i < meanwhile.Count; i++)
        {
            await counsellor.Send(id, meanwhile[i], $"gap{i}");
            await Task.Delay(pace);
        }
        counsellorTexts.AddRange(meanwhile);

        // Back on the other node, as the page does after its own connection dropped: resume with takeOver.
        await using var after = await BrowserYouth.Connect(b.BaseUri, transcript: before.Transcript, token: before.Token);
        var state = await after.Resume(takeOver: true);
        Assert.Equal("active", state.State);
        Assert.Equal(meanwhile, state.Messages.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(1, sentMeanwhile).Select(i => seen + i), state.Messages.Select(m => m.Seq));
        // A connection the server still held is told it lost the conversation, and can no longer act on it.
        if (!serverNoticed)
        {
            await before.Youth.Moved.NextAsync(T);
            (await before.Youth.Send("från den gamla anslutningen")).Refused("session-moved");
        }

        await after.Send("jag är tillbaka", "y-back");
        await counsellor.Send(id, "välkommen tillbaka", "c-back");
        youthTexts.Add("jag är tillbaka");
        counsellorTexts.Add("välkommen tillbaka");
        var stored = await counsellor.Stored(id);
        await after.Transcript.WaitForSeq(stored.Count, T);
        await counsellor.TranscriptOf(id).WaitForSeq(stored.Count, T);
        Transcript.AssertSameAndComplete(stored, after.Transcript, counsellor.TranscriptOf(id), youthTexts, counsellorTexts);
    }
}
