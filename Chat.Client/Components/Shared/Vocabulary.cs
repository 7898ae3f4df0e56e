using System.Text.Json;
using Chat.Client.Texts;

namespace Chat.Client.Components.Shared;

// Lang marks a label written in another language, so screen readers pronounce it right.
public sealed record Term(string Code, string Label, string? Lang = null);

// The codes of docs/protocol.md with their Swedish labels, for the staff pages and the console's modules. The
// young person's page labels them from the language files (vocab.* in wwwroot/texts) instead.
public static class Vocabulary
{
    // Labelled from the Swedish language file (vocab.*), the same words the young person's page shows.
    public static IReadOnlyList<Term> Topics { get; } = Swedish("topic",
        "sex-for-compensation", "self-harm-through-sex", "sexual-abuse", "relationship-violence",
        "honour-violence", "exploitation", "own-behaviour", "worried-about-friend", "something-else");

    // Each language named in itself, from its texts file: a new file is a new language here too.
    public static IReadOnlyList<Term> Languages { get; } =
        [.. TextCatalog.Known.Select(code => new Term(code, TextCatalog.NameOf(code), code == "sv" ? null : code))];

    public static IReadOnlyList<Term> AgeBands { get; } = Swedish("ageBand", "under-13", "13-15", "16-17", "18-20", "21-plus");

    public static IReadOnlyList<Term> Outcomes { get; } =
    [
        new("support-given", "Stöd gavs"),
        new("information-given", "Information gavs"),
        new("referred", "Hänvisad vidare"),
        new("youth-left", "Den unga lämnade"),
        new("no-contact", "Ingen kontakt"),
        new("abusive", "Kränkande eller oseriös kontakt"),
    ];

    // For data-labels: the staff module shows queue entries with the same labels.
    public static string LabelsJson { get; } = JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>>
    {
        ["topic"] = ToMap(Topics),
        ["language"] = ToMap(Languages),
        ["ageBand"] = ToMap(AgeBands),
        ["outcome"] = ToMap(Outcomes),
    });

    static IReadOnlyList<Term> Swedish(string vocabulary, params string[] codes) =>
        [.. codes.Select(code => new Term(code, TextCatalog.Text("sv", $"vocab.{vocabulary}.{code}") ?? code))];

    static Dictionary<string, string> ToMap(IReadOnlyList<Term> terms) => terms.ToDictionary(t => t.Code, t => t.Label);
}
