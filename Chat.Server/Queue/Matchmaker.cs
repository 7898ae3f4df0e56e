using Chat.Server.Conversations;
using Chat.Server.Staff;

namespace Chat.Server.Queue;

// "Take next" for a counsellor: the matching rules choose from the queue as it is now, and the atomic
// Take script decides. If another counsellor got there first, the next candidate is tried, a few times.
public sealed class Matchmaker(WaitingRoom room, DutyRoster duty, StaffAccounts accounts, Matching matching, TimeProvider clock)
{
    // Each attempt re-reads the queue; more than a few lost races in a row means a rush: let the person retry.
    private const int MaxAttempts = 5;

    public sealed record Match(string ConversationId, WaitingRoom.Taken Taken);

    public async Task<Match> TakeNext(string counsellor, string displayName)
    {
        var status = await duty.Status(counsellor);
        // Checked here only to answer with the right reason; the Take script checks again, atomically.
        if (!status.OnDuty) throw WaitingRoom.Refusal("not-on-duty");
        if (status.Active >= status.Capacity) throw WaitingRoom.Refusal("at-capacity");
        var me = new OnDutyCounsellor(await accounts.SkillsOf(counsellor), status.Capacity, status.Active);

        var lostTo = new HashSet<string>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var waiting = (await room.Read()).Entries.Select(e => e.Queued).Where(chat => !lostTo.Contains(chat.ConversationId));
            var next = matching.Next(me, waiting, clock.GetUtcNow()) ?? throw WaitingRoom.Refusal("nothing-waiting");
            try
            {
                return new Match(next.ConversationId, await room.Take(next.ConversationId, counsellor, displayName));
            }
            catch (ChatError lost) when (lost.Code is "already-taken" or "no-longer-waiting" or "unknown-conversation")
            {
                lostTo.Add(next.ConversationId);
            }
        }
        throw WaitingRoom.Refusal("already-taken");
    }
}
