using System.Runtime.CompilerServices;
using System.Text.Json;
using Chat.Client.Texts;

namespace Chat.Client.Components.Shared;

// Lang marks a label written in another language, so screen readers pronounce it right.
public sealed record Term(string Code, string Label, string? Lang = null);

// The codes of docs/protocol.md with their Swedish labels, for the staff pages and the console's modules; the
// console labels them in the staff language (TopicsIn, …). The young person's page labels them from the language
// files (vocab.* in wwwroot/texts) instead.
public static class Vocabulary
{
    // Labelled from the Swedish language file (vocab.*), the same words the young person's page shows.
    public static IReadOnlyList<Term> Topics { get; } = Labelled(TextCatalog.StaffSwedish, "topic",
        "sex-for-compensation", "self-harm-through-sex", "sexual-abuse", "relationship-violence",
        "honour-violence", "exploitation", "own-behaviour", "worried-about-friend", "something-else");

    // Each language named in itself, from its texts file: a new file is a new language here too.
    public static IReadOnlyList<Term> Languages { get; } =
        [.. TextCatalog.Known.Select(code => new Term(code, TextCatalog.NameOf(code), code == "sv" ? null : code))];

    public static IReadOnlyList<Term> AgeBands { get; } = Labelled(TextCatalog.StaffSwedish, "ageBand", "under-13", "13-15", "16-17", "18-20", "21-plus");

    // The staff's own vocabulary (vocab.outcome.* in the staff texts).
    public static IReadOnlyList<Term> Outcomes { get; } = Labelled(TextCatalog.StaffSwedish, "outcome",
        "support-given", "information-given", "referred", "youth-left", "no-contact", "abusive");

    // The same terms in a language: the staff pages label them in the staff language (Languages:Staff). Labelled
    // once per language, as every render of a staff page asks again.
    public static IReadOnlyList<Term> TopicsIn(Language language) => LabelsIn(language).Topics;
    public static IReadOnlyList<Term> AgeBandsIn(Language language) => LabelsIn(language).AgeBands;
    public static IReadOnlyList<Term> OutcomesIn(Language language) => LabelsIn(language).Outcomes;

    // For data-labels: the staff module shows queue entries with the same labels, in the staff language.
    public static string LabelsJsonIn(Language language) => LabelsIn(language).Json;

    sealed record Labels(IReadOnlyList<Term> Topics, IReadOnlyList<Term> AgeBands, IReadOnlyList<Term> Outcomes, string Json);

    static readonly ConditionalWeakTable<Language, Labels> ByLanguage = new();

    static Labels LabelsIn(Language language) => ByLanguage.GetValue(language, Label);

    static Labels Label(Language language)
    {
        var (topics, ageBands, outcomes) = (In(language, "topic", Topics), In(language, "ageBand", AgeBands), In(language, "outcome", Outcomes));
        return new(topics, ageBands, outcomes, JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>>
        {
            ["topic"] = ToMap(topics),
            ["language"] = ToMap(Languages),
            ["ageBand"] = ToMap(ageBands),
            ["outcome"] = ToMap(outcomes),
        }));
    }

    static IReadOnlyList<Term> Labelled(Language language, string vocabulary, params string[] codes) =>
        [.. codes.Select(code => new Term(code, language[$"vocab.{vocabulary}.{code}"]))];

    static IReadOnlyList<Term> In(Language language, string vocabulary, IReadOnlyList<Term> terms) =>
        Labelled(language, vocabulary, [.. terms.Select(t => t.Code)]);

    static Dictionary<string, string> ToMap(IReadOnlyList<Term> terms) => terms.ToDictionary(t => t.Code, t => t.Label);
}
