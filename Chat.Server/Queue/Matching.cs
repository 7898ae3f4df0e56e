using Chat.Server.Staff;

namespace Chat.Server.Queue;

// Transfer: a young person handed on by a counsellor keeps their place ahead of new arrivals.
public enum Priority { Normal = 0, Transfer = 1, Danger = 2 }

// A waiting chat as the matching rules see it: nothing but what decides who may take it, and when.
// ForCounsellor / NeedsSkill: a transfer (or a return code) meant for one colleague, or for a skill such as "language:ar".
public sealed record QueuedChat(
    string ConversationId, Priority Priority, long Ticket, string? Language, string? Topic, DateTimeOffset WaitingSince,
    string? ForCounsellor = null, string? NeedsSkill = null);

// A counsellor on duty as the matching rules see it.
public sealed record OnDutyCounsellor(Skills Skills, int Capacity, int Active, string UserName = "")
{
    public bool HasRoom => Active < Capacity;
}

// Who is offered which waiting chat. Pure: the caller brings the queue and the time.
// Danger first, then transfers, then first come first served; a chat goes first to counsellors whose skills
// match it (or to the colleague or skill it was transferred to), and to anyone on duty once it has waited
// `widenAfter` (a danger chat at once).
public sealed class Matching(TimeSpan widenAfter)
{
    public TimeSpan WidenAfter => widenAfter;

    // The first chat this counsellor should take, or null if none is theirs to take now.
    public QueuedChat? Next(OnDutyCounsellor counsellor, IEnumerable<QueuedChat> waiting, DateTimeOffset now) =>
        counsellor.HasRoom ? InTurn(waiting).FirstOrDefault(chat => IsOffered(chat, counsellor, now)) : null;

    public bool IsOffered(QueuedChat chat, OnDutyCounsellor counsellor, DateTimeOffset now) =>
        chat.Priority == Priority.Danger || HasWaitedLongEnough(chat, now) || chat switch
        {
            { ForCounsellor: { Length: > 0 } colleague } => colleague == counsellor.UserName,
            { NeedsSkill: { Length: > 0 } skill } => counsellor.Skills.Has(skill),
            _ => counsellor.Skills.Covers(chat.Language, chat.Topic),
        };

    public bool HasWaitedLongEnough(QueuedChat chat, DateTimeOffset now) => now - chat.WaitingSince >= widenAfter;

    public static IEnumerable<QueuedChat> InTurn(IEnumerable<QueuedChat> waiting) =>
        waiting.OrderByDescending(chat => chat.Priority).ThenBy(chat => chat.Ticket);
}

// The queue is a Redis sorted set scored so that its own order is the turn order:
// score = ticket − priority × 10^12, so danger chats sort before transfers, and those before all others,
// each by arrival. Tickets stay far below 10^12, and all fit a double's exact integers.
public static class QueueScore
{
    public const long PriorityStep = 1_000_000_000_000;

    public static double Of(Priority priority, long ticket) => ticket - (long)priority * PriorityStep;

    public static Priority PriorityOf(double score) =>
        score < -PriorityStep ? Priority.Danger : score < 0 ? Priority.Transfer : Priority.Normal;

    public static long TicketOf(double score) => (long)score + (long)PriorityOf(score) * PriorityStep;
}
