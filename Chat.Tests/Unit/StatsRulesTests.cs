using Chat.Server.Conversations;
using Chat.Server.Stats;

namespace Chat.Tests.Unit;

// The statistics' pure rules: waiting buckets, the Stockholm day, the report's sums, the export range, CSV cells.
public sealed class StatsRulesTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    [InlineData(-5, "0-1m")]
    [InlineData(0, "0-1m")]
    [InlineData(59.999, "0-1m")]
    [InlineData(60, "1-5m")]
    [InlineData(299.999, "1-5m")]
    [InlineData(300, "5-15m")]
    [InlineData(900, "15-30m")]
    [InlineData(1800, "30-60m")]
    [InlineData(3599.999, "30-60m")]
    [InlineData(3600, "60m+")]
    [InlineData(86400, "60m+")]
    public void AWaitFallsInTheBucketWhoseBoundsHoldIt(double seconds, string bucket) =>
        Assert.Equal(bucket, WaitBuckets.Of(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("2026-03-14T23:30:00Z", "2026-03-15")] // 00:30 in Stockholm (winter, UTC+1)
    [InlineData("2026-03-14T22:59:59Z", "2026-03-14")] // 23:59:59 the evening before
    [InlineData("2026-07-01T22:30:00Z", "2026-07-02")] // 00:30 in summer (UTC+2)
    [InlineData("2026-07-01T21:59:59Z", "2026-07-01")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // the night the clocks go back
    public void ACountersDayIsTheDateInStockholm(string utc, string day) =>
        Assert.Equal(DateOnly.Parse(day), StatsDay.Of(DateTimeOffset.Parse(utc), Stockholm));

    [Fact]
    public void HandoverFieldsAreSummedPerServiceAndDeclinesAndOtherEventsAreNotShown()
    {
        var day = Fields(("handover-live:stodcentrum:sexual-abuse:13-15", 2), ("handover-code:stodcentrum:unknown:unknown", 1),
            ("handover-code:tjejjouren:exploitation:16-17", 4), ("handover-declined:stodcentrum:unknown:unknown", 7),
            ("pickup-opened:stodcentrum:unknown:unknown", 1), ("transfer:colleague", 1), ("return-code-used", 1), ("conversations", 3));
        var report = StatsReport.From([(new DateOnly(2026, 3, 1), day)]);

        var handovers = report[StatsDimensions.Handover];
        Assert.Equal(["stodcentrum", "tjejjouren"], handovers.Values);
        Assert.Equal(3, handovers.Total("stodcentrum"));
        Assert.Equal(4, handovers.Total("tjejjouren"));
        Assert.Equal(7, StatsFields.Handovers(day));
        Assert.Equal([("handover", "stodcentrum", 3L), ("handover", "tjejjouren", 4L)],
            report.Rows().Select(r => (r.Dimension, r.Value, r.Count)));
    }

    [Fact]
    public void TheReportGivesEachDimensionPerDayInTheVocabularysOrderWithTotalsAndTheRatingAverage()
    {
        var first = new DateOnly(2026, 3, 1);
        var report = StatsReport.From([
            (first, Fields(("started", 3), ("language:en", 1), ("language:", 9), ("language:sv", 2), ("rating:5", 2), ("rating:2", 1),
                ("wait:60m+", 1), ("wait:0-1m", 2))),
            (first.AddDays(1), Fields()),
            (first.AddDays(2), Fields(("started", 1), ("language:unknown", 1), ("rating:4", 1), ("topic:sexual-abuse", 1))),
        ]);

        Assert.Equal([first, first.AddDays(1), first.AddDays(2)], report.Days);
        Assert.Equal(StatsDimensions.All, report.Series.Select(s => s.Dimension));
        var languages = report[StatsDimensions.Language];
        Assert.Equal([.. Vocabulary.Languages, "unknown"], languages.Values);
        Assert.Equal((2L, 1L, 0L, 4L), (languages.Count(first, "sv"), languages.Count(first, "en"), languages.DayTotal(first.AddDays(1)), languages.Total()));
        Assert.Equal(4, report[StatsDimensions.Started].Total());
        Assert.Equal(WaitBuckets.All, report[StatsDimensions.Wait].Values);
        Assert.Equal(new RatingSummary(4, (5 + 5 + 2 + 4) / 4.0), report.Rating);
        Assert.Null(StatsReport.From([(first, Fields())]).Rating.Average);
        Assert.Equal([
            (first, "started", "all", 3L), (first, "language", "sv", 2L), (first, "language", "en", 1L),
            (first, "wait", "0-1m", 2L), (first, "wait", "60m+", 1L), (first, "rating", "2", 1L), (first, "rating", "5", 2L),
            (first.AddDays(2), "started", "all", 1L), (first.AddDays(2), "language", "unknown", 1L),
            (first.AddDays(2), "topic", "sexual-abuse", 1L), (first.AddDays(2), "rating", "4", 1L),
        ], report.Rows().Select(r => (r.Day, r.Dimension, r.Value, r.Count)));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-31", "2026-03-01", "2026-03-31", false)]
    [InlineData("2026-03-01", "2026-04-30", "2026-03-01", "2026-04-10", true)] // reaches into the future
    [InlineData("2024-01-01", "2026-04-10", "2025-03-07", "2026-04-10", true)] // older than the 400 days kept
    [InlineData("2027-01-01", "2027-02-01", "2026-04-10", "2026-04-10", true)] // all to come
    [InlineData("2026-04-10", "2026-04-10", "2026-04-10", "2026-04-10", false)]
    public void AnExportRangeIsMovedInsideTheDaysThatAreKept(string from, string to, string first, string last, bool clamped) =>
        Assert.Equal(new ExportRange(DateOnly.Parse(first), DateOnly.Parse(last), clamped),
            ExportRange.Parse(from, to, new DateOnly(2026, 4, 10), 400));

    [Theory]
    [InlineData("2026-03-02", "2026-03-01", "invalid-range")]
    [InlineData("2026-3-1", "2026-03-01", "invalid-date")]
    [InlineData("01/03/2026", "2026-03-01", "invalid-date")]
    [InlineData(null, "2026-03-01", "invalid-date")]
    [InlineData("2026-03-01", "", "invalid-date")]
    [InlineData("2026-02-30", "2026-03-01", "invalid-date")]
    public void AMalformedOrBackwardsRangeIsRefused(string? from, string? to, string code) =>
        Assert.Equal(code, Assert.Throws<ChatError>(() => ExportRange.Parse(from, to, new DateOnly(2026, 4, 10), 400)).Code);

    [Theory]
    [InlineData("30", 30)]
    [InlineData("90", 90)]
    [InlineData(null, 30)]
    [InlineData("365", 30)]
    [InlineData("-1", 30)]
    [InlineData("90;", 30)]
    public void ThePageShowsThirtyOrNinetyDays(string? days, int shown) => Assert.Equal(shown, ExportRange.PageDays(days));

    [Theory]
    [InlineData("stodcentrum", "stodcentrum")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("60m+", "60m+")]
    public void ACsvCellNeverReadsAsAFormulaAndKeepsItsCommasInside(string value, string cell) =>
        Assert.Equal(cell, StatsCsv.Cell(value));

    [Fact]
    public void EveryChartColourStandsOutAgainstTheWhitePageByAtLeastThreeToOne() =>
        Assert.All(ChartPalette.Colours, colour => Assert.True(Contrast(colour) >= 3, $"{colour}: {Contrast(colour):0.00}"));

    private static Dictionary<string, long> Fields(params (string Field, long Count)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Count);

    private static double Contrast(string hex)
    {
        double Channel(int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
        return 1.05 / (luminance + 0.05);
    }
}
