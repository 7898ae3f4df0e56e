using Chat.Client.Texts;

namespace Chat.Server.Conversations;

// The codes a young person or counsellor may choose (docs/protocol.md, "Vocabulary").
// Labels live in the UI; the server only ever stores these codes.
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Topics =
    [
        "sex-for-compensation", "self-harm-through-sex", "sexual-abuse", "relationship-violence",
        "honour-violence", "exploitation", "own-behaviour", "worried-about-friend", "something-else",
    ];

    public static readonly IReadOnlyList<string> AgeBands = ["under-13", "13-15", "16-17", "18-20", "21-plus"];

    // Every language with a texts file (Chat.Client/wwwroot/texts), offered or not.
    public static readonly IReadOnlyList<string> Languages = TextCatalog.Known;

    public static readonly IReadOnlyList<string> Outcomes =
        ["support-given", "information-given", "referred", "youth-left", "no-contact", "abusive"];

    // Optional choices: null or empty means "not said"; anything else must be a known code.
    public static string Optional(string? value, IReadOnlyList<string> allowed, string errorCode, string what)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (allowed.Contains(value)) return value;
        throw new ChatError(errorCode, $"Unknown {what}. Allowed: {string.Join(", ", allowed)}.");
    }

    public static string Topic(string? value) => Optional(value, Topics, "invalid-topic", "topic");
    public static string AgeBand(string? value) => Optional(value, AgeBands, "invalid-age-band", "age band");
    public static string Language(string? value) => Optional(value, Languages, "invalid-language", "language");

    public static string Outcome(string? value) =>
        Optional(value, Outcomes, "invalid-outcome", "outcome") is { Length: > 0 } outcome
            ? outcome
            : throw new ChatError("invalid-outcome", "An outcome is required.");
}
