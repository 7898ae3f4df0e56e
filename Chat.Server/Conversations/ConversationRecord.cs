using StackExchange.Redis;

namespace Chat.Server.Conversations;

// The conversation hash as read from Redis; docs/privacy.md lists every field. A field that
// was never set reads as "" (or 0, false).
public sealed record ConversationRecord(string Id, IReadOnlyDictionary<string, string> Fields)
{
    public static ConversationRecord? From(string id, HashEntry[] entries) =>
        entries.Length == 0 ? null : new(id, entries.ToDictionary(e => (string)e.Name!, e => (string?)e.Value ?? ""));

    private string Field(string name) => Fields.GetValueOrDefault(name, "");
    private long Number(string name) => long.TryParse(Field(name), out var value) ? value : 0;

    public string State => Field("state");
    public string Topic => Field("topic");
    public string Language => Field("language");
    public string AgeBand => Field("ageBand");
    public long Created => Number("created");
    public string YouthConnection => Field("youthConn");
    public string TokenHash => Field("token");
    public bool Rated => Field("rated") == "1";
    public bool WrappedUp => Field("wrapped") == "1";
    public bool Danger => Field("danger") == "1";

    // The staff member who holds the chat, and the service they speak for ("" = this service's own counsellors).
    public string Counsellor => Field("counsellor");
    public string CounsellorName => Field("counsellorName");
    public string CounsellorService => Field("counsellorService");

    // A second staff member in the chat: a partner service's member joining for a warm handover.
    public string Guest => Field("guest");
    public string GuestName => Field("guestName");

    // A coordinator silently in the chat to support the counsellor: reads what the holder reads, never writes.
    public string Observer => Field("observer");
    public string ObserverName => Field("observerName");

    // The service a live handover waits for, its summary, and the young person's pending answer.
    public string HandoverService => Field("handoverService");
    public string Offer => Field("offer");
    public string PickupCode => Field("pickup");
    public string ReturnCode => Field("returnCode");
    public string ReturnNoteOffer => Field("returnNoteOffer");

    // A waiting chat meant for a named counsellor or a skill (a transfer, or a return code).
    public string TransferTo => Field("transferTo");
    public string TransferSkill => Field("transferSkill");

    // What a staff member may read: from their first visible entry on, and the handover's summary. The young
    // person decides whether a partner's member sees what came before.
    public bool IsVisibleTo(string user, long seq)
    {
        var (from, summary) = user == Counsellor ? (Number("counsellorFrom"), Number("counsellorSummary"))
            : user == Guest ? (Number("guestFrom"), Number("guestSummary"))
            : user == Observer ? (Number("counsellorFrom"), Number("counsellorSummary"))
            : (long.MaxValue, 0);
        return seq >= Math.Max(1, from) || (summary > 0 && seq == summary);
    }

    public IReadOnlyList<string> Staff => new[] { Counsellor, Guest }.Where(u => u.Length > 0).ToList();

    public static string? Blank(string value) => value.Length == 0 ? null : value;

    // The same for a field read straight from Redis: missing or empty is null.
    public static string? Blank(StackExchange.Redis.RedisValue value) => value.IsNullOrEmpty ? null : (string?)value;
}
