using Chat.Server.Conversations;

namespace Chat.Tests.Resilience;

// One side's view of a conversation as transcript.js keeps it: entries by seq, each seq once,
// whether it came as an event, in a Resume reply or in a Snapshot.
public sealed class Transcript(string side)
{
    readonly SortedDictionary<long, ChatMessage> entries = [];

    public IReadOnlyList<ChatMessage> Entries
    {
        get { lock (entries) return [.. entries.Values]; }
    }

    public long HighestSeq
    {
        get { lock (entries) return entries.Count == 0 ? 0 : entries.Keys.Last(); }
    }

    // What to resume after: the last seq before the first gap. youth.js resumes after the highest seq it has seen,
    // which would skip an entry that reached it out of order just before its connection dropped.
    public long ResumeAfter
    {
        get
        {
            lock (entries)
            {
                long seq = 0;
                while (entries.ContainsKey(seq + 1)) seq++;
                return seq;
            }
        }
    }

    // Seeing a seq again is normal (own messages come back as events; resumes overlap them), but it must be the same entry.
    public void Add(ChatMessage message)
    {
        lock (entries)
        {
            if (entries.TryGetValue(message.Seq, out var known) && known != message)
                throw new InvalidOperationException($"{side}: seq {message.Seq} arrived as both {known} and {message}");
            entries[message.Seq] = message;
        }
    }

    public void AddRange(IEnumerable<ChatMessage> messages)
    {
        foreach (var message in messages) Add(message);
    }

    public async Task WaitForSeq(long seq, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ResumeAfter < seq)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{side} has seqs 1..{ResumeAfter} (highest {HighestSeq}), not 1..{seq}, after {timeout.TotalSeconds} s");
            await Task.Delay(20);
        }
    }

    // The promise: the stored transcript is 1..n without a gap, holds every text each side sent exactly once and
    // in the order sent, and both sides hold exactly the stored transcript.
    public static void AssertSameAndComplete(
        IReadOnlyList<ChatMessage> stored, Transcript youth, Transcript counsellor, IReadOnlyList<string> youthTexts, IReadOnlyList<string> counsellorTexts)
    {
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(m => m.Seq));
        Assert.Equal(youthTexts, stored.Where(m => m is { Kind: "text", From: "youth" }).Select(m => m.Text));
        Assert.Equal(counsellorTexts, stored.Where(m => m is { Kind: "text", From: "counsellor" }).Select(m => m.Text));
        Assert.Equal(stored, youth.Entries);
        Assert.Equal(stored, counsellor.Entries);
    }
}
