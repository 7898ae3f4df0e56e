using System.Globalization;
using Terms = Chat.Client.Components.Shared.Vocabulary;

namespace Chat.Server.Stats;

// Swedish words for the page: dimension titles, and each value's label (topic names from the shared vocabulary,
// partner services by their directory name).
public sealed class StatsLabels(IReadOnlyDictionary<string, string> serviceNames)
{
    public static string Title(string dimension) => dimension switch
    {
        StatsDimensions.Started => "Påbörjade samtal",
        StatsDimensions.Language => "Språk som valdes vid start",
        StatsDimensions.Wait => "Väntetid tills en kurator tog samtalet",
        StatsDimensions.Abandoned => "Lämnade kön innan någon tog samtalet, efter väntetid",
        StatsDimensions.Topic => "Ämne (vid avslut)",
        StatsDimensions.Age => "Ålder (vid avslut)",
        StatsDimensions.Outcome => "Utfall (vid avslut)",
        StatsDimensions.Handover => "Överlämningar per samarbetsverksamhet",
        StatsDimensions.Rating => "Betyg från de unga",
        _ => dimension,
    };

    public string Value(string dimension, string value) => (dimension, value) switch
    {
        (_, StatsFields.Unknown) => "Inte angivet",
        (StatsDimensions.Started, _) => "Påbörjade",
        (StatsDimensions.Language, _) => Term(Terms.Languages, value),
        (StatsDimensions.Topic, _) => Term(Terms.Topics, value),
        (StatsDimensions.Age, _) => Term(Terms.AgeBands, value),
        (StatsDimensions.Outcome, _) => Term(Terms.Outcomes, value),
        (StatsDimensions.Wait or StatsDimensions.Abandoned, _) => Bucket(value),
        (StatsDimensions.Handover, _) => serviceNames.GetValueOrDefault(value, value),
        (StatsDimensions.Rating, _) => $"Betyg {value}",
        _ => value,
    };

    public ChartData Chart(StatsSeries series) => new(
        Title(series.Dimension),
        [.. series.Days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
        [.. series.Days.Select(day => $"{day.Day}/{day.Month}")],
        [.. series.Values.Select((value, i) => new ChartKey(Value(series.Dimension, value), ChartPalette.Of(i)))],
        [.. series.Days.Select(day => series.Values.Select(value => series.Count(day, value)).ToArray())]);

    private static string Term(IReadOnlyList<Chat.Client.Components.Shared.Term> terms, string code) =>
        terms.FirstOrDefault(t => t.Code == code)?.Label ?? code;

    private static string Bucket(string bucket) => bucket switch
    {
        "0-1m" => "Under 1 min",
        "1-5m" => "1–5 min",
        "5-15m" => "5–15 min",
        "15-30m" => "15–30 min",
        "30-60m" => "30–60 min",
        "60m+" => "Över 60 min",
        _ => bucket,
    };
}
