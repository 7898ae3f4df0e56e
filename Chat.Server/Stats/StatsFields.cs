using Chat.Server.Conversations;

namespace Chat.Server.Stats;

// The dimensions the statistics show, each counted per day on its own: never one crossed with another.
public static class StatsDimensions
{
    public const string Started = "started";
    public const string Language = "language";
    public const string Wait = "wait";
    public const string Abandoned = "abandoned";
    public const string Topic = "topic";
    public const string Age = "age";
    public const string Outcome = "outcome";
    public const string Handover = "handover";
    public const string Rating = "rating";

    public static IReadOnlyList<string> All { get; } = [Started, Language, Wait, Abandoned, Topic, Age, Outcome, Handover, Rating];

    // Values in the order they are shown; values seen in the data but not listed here follow, sorted.
    public static IReadOnlyList<string> KnownValues(string dimension) => dimension switch
    {
        Started => ["all"],
        Language => [.. Vocabulary.Languages, StatsFields.Unknown],
        Wait or Abandoned => WaitBuckets.All,
        Topic => [.. Vocabulary.Topics, StatsFields.Unknown],
        Age => [.. Vocabulary.AgeBands, StatsFields.Unknown],
        Outcome => Vocabulary.Outcomes,
        Rating => ["1", "2", "3", "4", "5"],
        _ => [],
    };
}

// How the fields of a day's hash (docs/privacy.md, stats:<day>) map to one dimension and one value.
public static class StatsFields
{
    public const string Unknown = "unknown";

    public static (string Dimension, string Value)? Parse(string field)
    {
        if (field == "started") return (StatsDimensions.Started, "all");
        var colon = field.IndexOf(':');
        if (colon <= 0 || colon == field.Length - 1) return null;
        var (head, rest) = (field[..colon], field[(colon + 1)..]);
        return head switch
        {
            "language" or "wait" or "abandoned" or "topic" or "age" or "outcome" or "rating" => (head, rest),
            // handover-live:<service>:<topic>:<age>, handover-code:…: summed per service. Declines are not handovers.
            "handover-live" or "handover-code" => (StatsDimensions.Handover, rest.Split(':')[0]),
            _ => null,
        };
    }

    public static long Handovers(IReadOnlyDictionary<string, long> day) =>
        day.Where(e => Parse(e.Key)?.Dimension == StatsDimensions.Handover).Sum(e => e.Value);

    // Counted at the start: "started" and the language chosen ("unknown" when none was).
    public static string StartLanguage(string language) => $"language:{(language.Length == 0 ? Unknown : language)}";

    public static string Waited(string bucket) => $"wait:{bucket}";
}
