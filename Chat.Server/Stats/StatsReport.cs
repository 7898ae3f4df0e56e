namespace Chat.Server.Stats;

// One dimension over the days of a report: a count per day and value, nothing finer.
public sealed record StatsSeries(string Dimension, IReadOnlyList<DateOnly> Days, IReadOnlyList<string> Values, IReadOnlyDictionary<(DateOnly Day, string Value), long> Counts)
{
    public long Count(DateOnly day, string value) => Counts.GetValueOrDefault((day, value));
    public long DayTotal(DateOnly day) => Values.Sum(value => Count(day, value));
    public long Total(string value) => Days.Sum(day => Count(day, value));
    public long Total() => Counts.Values.Sum();
}

public sealed record RatingSummary(long Count, double? Average);

public sealed record StatsRow(DateOnly Day, string Dimension, string Value, long Count);

// From raw day hashes to what the page and the CSV show: per dimension, per day, per value, and totals.
public sealed record StatsReport(IReadOnlyList<DateOnly> Days, IReadOnlyList<StatsSeries> Series)
{
    public static StatsReport From(IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, long> Fields)> days)
    {
        var counts = StatsDimensions.All.ToDictionary(d => d, _ => new Dictionary<(DateOnly, string), long>());
        foreach (var (day, fields) in days)
            foreach (var (field, count) in fields)
                if (count > 0 && StatsFields.Parse(field) is var (dimension, value))
                    counts[dimension][(day, value)] = counts[dimension].GetValueOrDefault((day, value)) + count;
        var dayList = days.Select(d => d.Day).ToList();
        return new StatsReport(dayList, [.. StatsDimensions.All.Select(dimension =>
            new StatsSeries(dimension, dayList, ValuesOf(dimension, counts[dimension].Keys.Select(k => k.Item2)), counts[dimension]))]);
    }

    public StatsSeries this[string dimension] => Series.Single(s => s.Dimension == dimension);

    public RatingSummary Rating
    {
        get
        {
            var ratings = this[StatsDimensions.Rating];
            var count = ratings.Total();
            var sum = ratings.Values.Sum(value => int.TryParse(value, out var score) ? score * ratings.Total(value) : 0);
            return new RatingSummary(count, count == 0 ? null : (double)sum / count);
        }
    }

    // Exactly the counts the page shows, day by day; a day and value with no count has no row.
    public IEnumerable<StatsRow> Rows() =>
        from day in Days
        from series in Series
        from value in series.Values
        let count = series.Count(day, value)
        where count > 0
        select new StatsRow(day, series.Dimension, value, count);

    private static List<string> ValuesOf(string dimension, IEnumerable<string> seen)
    {
        var known = StatsDimensions.KnownValues(dimension);
        return [.. known, .. seen.Distinct().Where(v => !known.Contains(v)).Order(StringComparer.Ordinal)];
    }
}
