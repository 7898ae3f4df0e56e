using Chat.Server.Conversations;
using Chat.Server.Staff;

namespace Chat.Server.Queue;

// "Take next" for a counsellor: the matching rules choose from the queue as it is now, and the atomic
// Take script decides. If another counsellor got there first, the next candidate is tried, a few times.
public sealed class Matchmaker(WaitingRoom room, DutyRoster duty, StaffAccounts accounts, Matching matching, TimeProvider clock)
{
    // Lost races walk down one read of the queue (cheap: one script each); the queue is read again only
    // when that read's candidates run out. Past these limits it is a rush: let the person retry.
    private const int MaxReads = 3;
    private const int MaxAttempts = 20;

    public sealed record Match(string ConversationId, WaitingRoom.Taken Taken);

    public async Task<Match> TakeNext(string counsellor, string displayName)
    {
        var status = await duty.Status(counsellor);
        // Checked here only to answer with the right reason; the Take script checks again, atomically.
        if (!status.OnDuty) throw WaitingRoom.Refusal("not-on-duty");
        if (status.Active >= status.Capacity) throw WaitingRoom.Refusal("at-capacity");
        var me = new OnDutyCounsellor(await accounts.SkillsOf(counsellor), status.Capacity, status.Active, counsellor);

        var lostTo = new HashSet<string>();
        var attempts = 0;
        for (var read = 0; read < MaxReads; read++)
        {
            var waiting = (await room.Read()).Entries.Select(e => e.Queued).ToList();
            while (matching.Next(me, waiting.Where(chat => !lostTo.Contains(chat.ConversationId)), clock.GetUtcNow()) is { } next)
            {
                try
                {
                    return new Match(next.ConversationId, await room.Take(next.ConversationId, counsellor, displayName));
                }
                catch (ChatError lost) when (lost.Code is "already-taken" or "no-longer-waiting" or "unknown-conversation")
                {
                    lostTo.Add(next.ConversationId);
                    if (++attempts == MaxAttempts) throw WaitingRoom.Refusal("already-taken");
                }
            }
            if (lostTo.Count == 0) break;
        }
        throw WaitingRoom.Refusal(lostTo.Count == 0 ? "nothing-waiting" : "already-taken");
    }
}
