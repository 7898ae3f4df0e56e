using System.Text.Json;

namespace Chat.Server.Conversations;

// One transcript entry (docs/protocol.md, "ChatMessage"). Stored as JSON in the
// conversation's Redis list; its seq is its 1-based place in that list.
// Service: the partner service a staff member speaks for ("Stödcentrum"), null for this service's counsellors.
// StaffId: an opaque tag of the staff member behind a text, joined or left entry (StaffTag), so a console can tell
// its own lines from a colleague's with the same display name.
// Page: "<language>/<slug>" of the help page a "page" entry sends (its Text is the page's title), null otherwise.
public sealed record ChatMessage(
    long Seq, string Kind, string From, string? Name, string? Text, long At, string? ClientMessageId, string? Service = null,
    string? StaffId = null, string? Page = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static ChatMessage Said(string from, string? name, string text, string clientMessageId, long at, string? service = null) =>
        new(0, "text", from, name, text, at, clientMessageId, service);

    public static ChatMessage Event(string kind, string from, string? name, long at, string? text = null, string? service = null) =>
        new(0, kind, from, name, text, at, null, service);

    public ChatMessage By(string user) => this with { StaffId = StaffTag(user) };

    public static string StaffTag(string user) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("staff:" + user)))[..12];

    public string ToStored() => JsonSerializer.Serialize(this with { Seq = 0 }, Json);

    public static ChatMessage FromStored(string json, long seq) =>
        JsonSerializer.Deserialize<ChatMessage>(json, Json)! with { Seq = seq };
}

// Code: a return code (to talk to the same counsellor again) or a handover code (to go straight to that service).
public sealed record StartRequest(string? Topic, string? Language, string? AgeBand, string? Code = null);

public sealed record HandoverAnswerRequest(string? OfferId, bool Accept, bool ShareHistory, bool ServiceMayOpen);

public sealed record ReturnNoteOfferedEvent(string Note);

public sealed record ResumeRequest(string? Token, long AfterSeq, bool TakeOver);

// Confirmed: the young person was asked and chose to share what looks like personal details (PersonalDetails).
public sealed record SendRequest(string? ClientMessageId, string? Text, bool Confirmed = false);

public sealed record SendResult(long Seq);

// EstimatedWaitSeconds: while waiting; null when it cannot be said (nobody on duty), and when not waiting.
// The rest only when they apply: a handover proposal waiting for an answer, the code of a handover by code,
// the return code and a note proposed for it, whom a returning young person is offered to first, and the service
// a young person who came with a handover code waits for.
public sealed record YouthState(
    string Token, string State, int? Position, string? Counsellor, IReadOnlyList<ChatMessage> Messages, bool Rated, int? EstimatedWaitSeconds = null)
{
    public Handover.HandoverOffer? Offer { get; init; }
    public Handover.PickupInfo? Pickup { get; init; }
    public Handover.ReturnCode? ReturnCode { get; init; }
    public string? ReturnNoteOffer { get; init; }
    public Handover.ReturnTo? ReturnTo { get; init; }
    public string? WaitingFor { get; init; }
}

public sealed record QueuePositionEvent(int Position, long Version, int? EstimatedWaitSeconds = null);

public sealed record TypingEvent(bool IsTyping);
