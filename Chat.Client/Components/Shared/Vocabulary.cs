using System.Text.Json;
using Chat.Client.Texts;

namespace Chat.Client.Components.Shared;

// Lang marks a label written in another language, so screen readers pronounce it right.
public sealed record Term(string Code, string Label, string? Lang = null);

// The codes of docs/protocol.md with their Swedish labels, for the staff pages and the console's modules. The
// young person's page labels them from the language files (vocab.* in wwwroot/texts) instead.
public static class Vocabulary
{
    public static IReadOnlyList<Term> Topics { get; } =
    [
        new("sex-for-compensation", "Sex mot ersättning, t.ex. pengar, sovplats, droger eller saker"),
        new("self-harm-through-sex", "Att skada sig själv genom sex"),
        new("sexual-abuse", "Sexuella övergrepp, på nätet eller IRL"),
        new("relationship-violence", "Våld eller kontroll i en relation"),
        new("honour-violence", "Hedersrelaterat våld och förtryck"),
        new("exploitation", "Att bli utnyttjad: sex, brott, tiggeri eller arbete"),
        new("own-behaviour", "Orolig för hur jag själv beter mig"),
        new("worried-about-friend", "En kompis har berättat något"),
        new("something-else", "Något annat"),
    ];

    // Each language named in itself, from its texts file: a new file is a new language here too.
    public static IReadOnlyList<Term> Languages { get; } =
        [.. TextCatalog.Known.Select(code => new Term(code, TextCatalog.NameOf(code), code == "sv" ? null : code))];

    public static IReadOnlyList<Term> AgeBands { get; } =
    [
        new("under-13", "Under 13"),
        new("13-15", "13–15"),
        new("16-17", "16–17"),
        new("18-20", "18–20"),
        new("21-plus", "21 eller äldre"),
    ];

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

    static Dictionary<string, string> ToMap(IReadOnlyList<Term> terms) => terms.ToDictionary(t => t.Code, t => t.Label);
}
