namespace Chat.Server.Conversations;

// Every hub method answers with this envelope (docs/protocol.md, "Replies").
public sealed record Reply<T>(bool Ok, T? Value, ReplyError? Error);

public sealed record ReplyError(string Code, string Message)
{
    // Only with slow-down: whole seconds to wait before trying again.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryAfter { get; init; }
}

public static class Reply
{
    public static Reply<T> Ok<T>(T value) => new(true, value, null);
    public static Reply<object?> Ok() => new(true, null, null);
    public static Reply<object?> Fail(string code, string message, int? retryAfter = null) =>
        new(false, null, new ReplyError(code, message) { RetryAfter = retryAfter });
}

// A refusal the caller can act on: the hub filter turns it into a failed Reply.
public sealed class ChatError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
    public int? RetryAfter { get; init; }
}
