using System.Text.Json;

namespace Chat.Server.Conversations;

// One transcript entry (docs/protocol.md, "ChatMessage"). Stored as JSON in the
// conversation's Redis list; its seq is its 1-based place in that list.
public sealed record ChatMessage(long Seq, string Kind, string From, string? Name, string? Text, long At, string? ClientMessageId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ChatMessage Said(string from, string? name, string text, string clientMessageId, long at) =>
        new(0, "text", from, name, text, at, clientMessageId);

    public static ChatMessage Event(string kind, string from, string? name, long at) =>
        new(0, kind, from, name, null, at, null);

    public string ToStored() => JsonSerializer.Serialize(this with { Seq = 0 }, Json);

    public static ChatMessage FromStored(string json, long seq) =>
        JsonSerializer.Deserialize<ChatMessage>(json, Json)! with { Seq = seq };
}

public sealed record StartRequest(string? Topic, string? Language, string? AgeBand);

public sealed record ResumeRequest(string? Token, long AfterSeq, bool TakeOver);

public sealed record SendRequest(string? ClientMessageId, string? Text);

public sealed record SendResult(long Seq);

// EstimatedWaitSeconds: while waiting; null when it cannot be said (nobody on duty), and when not waiting.
public sealed record YouthState(
    string Token, string State, int? Position, string? Counsellor, IReadOnlyList<ChatMessage> Messages, bool Rated, int? EstimatedWaitSeconds = null);

public sealed record QueuePositionEvent(int Position, long Version, int? EstimatedWaitSeconds = null);

public sealed record TypingEvent(bool IsTyping);
