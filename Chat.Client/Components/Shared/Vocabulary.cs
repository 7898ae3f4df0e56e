using System.Text.Json;

namespace Chat.Client.Components.Shared;

// Lang marks a label written in another language, so screen readers pronounce it right.
public sealed record Term(string Code, string Label, string? Lang = null);

// The codes of docs/protocol.md with their Swedish labels: the one list both forms and modules use.
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

    public static IReadOnlyList<Term> Languages { get; } =
    [
        new("sv", "Svenska"),
        new("en", "English", "en"),
        new("ar", "العربية", "ar"),
    ];

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
