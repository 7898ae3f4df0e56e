using Chat.Server.Stats;
using FsCheck;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

// The statistics' rules over generated waits, ranges and day hashes.
public sealed class StatsProperties
{
    private static readonly DateOnly Today = new(2026, 4, 10);

    [Fact]
    public void ALongerWaitIsNeverInAnEarlierBucket() => Holds(Arb.From(Gen.Two(Waits)), pair =>
    {
        var (shorter, longer) = pair.Item1 <= pair.Item2 ? pair : (pair.Item2, pair.Item1);
        return Index(shorter) <= Index(longer);
    });

    [Fact]
    public void AClampedRangeLiesInsideTheKeptDaysAndIsUnchangedWhenItAlreadyDid() =>
        Holds(Arb.From(from a in Gen.Choose(-900, 300) from b in Gen.Choose(-900, 300) from kept in Gen.Choose(1, 500)
                       select (From: Today.AddDays(Math.Min(a, b)), To: Today.AddDays(Math.Max(a, b)), Kept: kept)), c =>
        {
            var range = ExportRange.Clamp(c.From, c.To, Today, c.Kept);
            var oldest = Today.AddDays(1 - c.Kept);
            var inside = c.From >= oldest && c.To <= Today;
            return range.From <= range.To && range.From >= oldest && range.To <= Today
                && range.Clamped == !inside
                && (!inside || (range.From, range.To) == (c.From, c.To));
        });

    [Fact]
    public void TheReportsRowsAddUpToExactlyTheShownFieldsOfEveryDay() => Holds(Arb.From(Gen.ListOf(DayHash).Select(l => l.ToList())), hashes =>
    {
        var days = hashes.Select((fields, i) => (Today.AddDays(i), (IReadOnlyDictionary<string, long>)fields)).ToList();
        var report = StatsReport.From(days);
        var shown = days.Sum(d => d.Item2.Where(e => StatsFields.Parse(e.Key) is not null).Sum(e => e.Value));
        return report.Rows().Sum(r => r.Count) == shown
            && report.Series.Sum(s => s.Total()) == shown
            && report.Series.All(s => s.Days.Sum(s.DayTotal) == s.Total() && s.Values.Sum(s.Total) == s.Total())
            && report.Rows().All(r => r.Count > 0);
    });

    private static readonly Gen<TimeSpan> Waits = Gen.Choose(-60, 4 * 3600).Select(s => TimeSpan.FromSeconds(s));

    private static readonly Gen<string> Field = Gen.Elements(
        "started", "language:sv", "language:unknown", "wait:0-1m", "wait:60m+", "abandoned:5-15m", "topic:exploitation",
        "age:13-15", "outcome:referred", "rating:3", "handover-live:stodcentrum:unknown:unknown", "handover-code:bris:exploitation:16-17",
        "handover-declined:stodcentrum:unknown:unknown", "transfer:colleague", "conversations", "pickup-opened:bris:unknown:unknown");

    private static readonly Gen<Dictionary<string, long>> DayHash =
        Gen.ListOf(from field in Field from count in Gen.Choose(1, 50) select (field, (long)count))
            .Select(pairs => pairs.GroupBy(p => p.field).ToDictionary(g => g.Key, g => g.First().Item2));

    private static int Index(TimeSpan wait) => WaitBuckets.All.ToList().IndexOf(WaitBuckets.Of(wait));

    private static void Holds<T>(Arbitrary<T> cases, Func<T, bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(cases, property));
}
