using Chat.Server.Conversations;

namespace Chat.Server.Staff;

public sealed record SkillsRequest(IReadOnlyList<string?>? Languages, IReadOnlyList<string?>? Topics);

// The languages and topics a counsellor is best placed for; an empty list means "no restriction".
// Stored on the staff account as comma-separated vocabulary codes.
public sealed record Skills(IReadOnlyList<string> Languages, IReadOnlyList<string> Topics)
{
    public static Skills None { get; } = new([], []);

    // Every code must be known; duplicates collapse and the order follows the vocabulary,
    // so the stored value is the same however the console sent it.
    public static Skills From(SkillsRequest? request) => new(
        Codes(request?.Languages, Vocabulary.Languages, "invalid-language", "language"),
        Codes(request?.Topics, Vocabulary.Topics, "invalid-topic", "topic"));

    // Stored values were validated on the way in; anything unknown since (a retired code) is dropped.
    public static Skills Stored(string? languages, string? topics) => new(
        Split(languages).Where(Vocabulary.Languages.Contains).ToList(),
        Split(topics).Where(Vocabulary.Topics.Contains).ToList());

    public bool Covers(string? language, string? topic) => Covers(Languages, language) && Covers(Topics, topic);

    // A transfer to a skill ("language:ar", "topic:own-behaviour") goes to those who listed it, not to those who listed nothing.
    public bool Has(string skill) => skill.Split(':') switch
    {
        ["language", var code] => Languages.Contains(code),
        ["topic", var code] => Topics.Contains(code),
        _ => false,
    };

    public static bool IsSkill(string? skill) => skill?.Split(':') switch
    {
        ["language", var code] => Vocabulary.Languages.Contains(code),
        ["topic", var code] => Vocabulary.Topics.Contains(code),
        _ => false,
    };

    // A chat that said nothing matches anyone; a counsellor who listed nothing takes anything.
    private static bool Covers(IReadOnlyList<string> offered, string? wanted) =>
        string.IsNullOrEmpty(wanted) || offered.Count == 0 || offered.Contains(wanted);

    private static List<string> Codes(IReadOnlyList<string?>? given, IReadOnlyList<string> allowed, string errorCode, string what)
    {
        if ((given ?? []).Any(code => code is null || !allowed.Contains(code)))
            throw new ChatError(errorCode, $"Unknown {what}. Allowed: {string.Join(", ", allowed)}.");
        return allowed.Where(code => given?.Contains(code) == true).ToList();
    }

    private static string[] Split(string? stored) => (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
}
