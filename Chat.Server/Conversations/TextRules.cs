using System.Security.Cryptography;
using System.Text;

namespace Chat.Server.Conversations;

// Pure checks on everything a client sends; each refusal names what was wrong.
public static class TextRules
{
    public const int MaxMessageLength = 2000;
    public const int MaxClientMessageIdLength = 64;

    public static string Message(string? text)
    {
        var normalized = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        if (normalized.Length == 0)
            throw new ChatError("empty-message", "A message cannot be empty.");
        if (normalized.Length > MaxMessageLength)
            throw new ChatError("message-too-long", $"A message can be at most {MaxMessageLength} characters.");
        if (!IsPrintable(normalized))
            throw new ChatError("invalid-characters", "The message contains control characters or broken characters.");
        return normalized;
    }

    public static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
            else if (char.IsControl(c) && c is not '\n' and not '\t') return false;
        }
        return true;
    }

    public static string ClientMessageId(string? id) =>
        id is { Length: > 0 and <= MaxClientMessageIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id
            : throw new ChatError("invalid-client-message-id", "clientMessageId must be 1-64 characters of A-Z, a-z, 0-9, - and _.");

    public static string ConversationId(string? id) =>
        id is { Length: ConversationIdLength } && id.All(char.IsAsciiHexDigitLower)
            ? id
            : throw new ChatError("invalid-conversation-id", "That is not a conversation id.");

    public static bool IsToken(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Token(string? token) =>
        IsToken(token) ? token! : throw new ChatError("invalid-token", "That is not a conversation token.");

    private const int ConversationIdLength = 24;
    private const int TokenLength = 22;

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    // 128 random bits, base64url without padding: 22 characters.
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Redis holds only this hash, so a copy of the data cannot be used to take over a chat.
    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
