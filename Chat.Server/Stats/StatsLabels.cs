using System.Globalization;
using Chat.Client.Texts;
using Chat.Client.Components.Shared;
using Terms = Chat.Client.Components.Shared.Vocabulary;

namespace Chat.Server.Stats;

// The page's words in the staff's language: dimension titles, and each value's label (topic names from the shared
// vocabulary, partner services by their directory name).
public sealed class StatsLabels(Language words, IReadOnlyDictionary<string, string> serviceNames)
{
    public string Title(string dimension) => dimension switch
    {
        StatsDimensions.Started => words["stats.dim.started"],
        StatsDimensions.Language => words["stats.dim.language"],
        StatsDimensions.Wait => words["stats.dim.wait"],
        StatsDimensions.Abandoned => words["stats.dim.abandoned"],
        StatsDimensions.Topic => words["stats.dim.topic"],
        StatsDimensions.Age => words["stats.dim.age"],
        StatsDimensions.Outcome => words["stats.dim.outcome"],
        StatsDimensions.Handover => words["stats.dim.handover"],
        StatsDimensions.Rating => words["stats.dim.rating"],
        _ => dimension,
    };

    public string Value(string dimension, string value) => (dimension, value) switch
    {
        (_, StatsFields.Unknown) => words["stats.value.unknown"],
        (StatsDimensions.Started, _) => words["stats.value.started"],
        (StatsDimensions.Language, _) => Term(Terms.Languages, value),
        (StatsDimensions.Topic, _) => Term(Terms.TopicsIn(words), value),
        (StatsDimensions.Age, _) => Term(Terms.AgeBandsIn(words), value),
        (StatsDimensions.Outcome, _) => Term(Terms.OutcomesIn(words), value),
        (StatsDimensions.Wait or StatsDimensions.Abandoned, _) => Bucket(value),
        (StatsDimensions.Handover, _) => serviceNames.GetValueOrDefault(value, value),
        (StatsDimensions.Rating, _) => words.Format("stats.value.rating", ("value", value)),
        _ => value,
    };

    public ChartData Chart(StatsSeries series) => new(
        Title(series.Dimension),
        [.. series.Days.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
        [.. series.Days.Select(day => $"{day.Day}/{day.Month}")],
        [.. series.Values.Select((value, i) => new ChartKey(Value(series.Dimension, value), ChartPalette.Of(i)))],
        [.. series.Days.Select(day => series.Values.Select(value => series.Count(day, value)).ToArray())]);

    private static string Term(IReadOnlyList<Term> terms, string code) =>
        terms.FirstOrDefault(t => t.Code == code)?.Label ?? code;

    private string Bucket(string bucket) => bucket switch
    {
        "0-1m" => words["stats.wait.under1"],
        "1-5m" => words["stats.wait.1to5"],
        "5-15m" => words["stats.wait.5to15"],
        "15-30m" => words["stats.wait.15to30"],
        "30-60m" => words["stats.wait.30to60"],
        "60m+" => words["stats.wait.over60"],
        _ => bucket,
    };
}
