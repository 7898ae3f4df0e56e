using Chat.Server.Opening;
using FsCheck;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

// Status over generated hours (with exceptions) and moments, checked minute by minute.
public sealed class OpeningHoursProperties
{
    private static readonly DateTime Start = new(2026, 11, 23, 0, 0, 0);

    [Fact]
    public void TheNextOpeningIsOpenAndNothingBeforeItIs() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(150),
        Prop.ForAll(Arb.From(Hours), Arb.From(Moments), (hours, now) =>
        {
            var status = hours.Status(now);
            if (status.Open) return true;
            var end = status.NextOpening ?? now.AddDays(OpeningHours.LookAheadDays);
            for (var t = now; t < end; t = t.AddMinutes(1)) if (hours.IsOpen(t)) return false;
            return status.NextOpening is null || hours.IsOpen(status.NextOpening.Value);
        }));

    [Fact]
    public void OpenNowStaysOpenUntilItClosesAndThenOpensAgainAtTheNextOpening() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(150),
        Prop.ForAll(Arb.From(Hours), Arb.From(Moments), (hours, now) =>
        {
            var status = hours.Status(now);
            if (!status.Open || status.ClosesAt is not { } closes) return true;
            for (var t = now; t < closes; t = t.AddMinutes(1)) if (!hours.IsOpen(t)) return false;
            if (hours.IsOpen(closes)) return false;
            var after = hours.Status(closes);
            return after.NextOpening == status.NextOpening;
        }));

    [Fact]
    public void ValidHoursSurviveTheFormAndBack() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200),
        Prop.ForAll(Arb.From(Hours), hours =>
        {
            var (again, problems) = OpeningRules.Check(OpeningForm.From(hours), DateOnly.FromDateTime(Start));
            return problems.Count == 0 && Enumerable.Range(0, 21 * 24 * 4).Select(q => Start.AddMinutes(15 * q)).All(t => again.IsOpen(t) == hours.IsOpen(t));
        }));

    // Up to three non-overlapping periods on a day, on quarter hours so periods often touch and cross midnight,
    // in any order: a coordinator may type a day's periods in any order.
    private static readonly Gen<IReadOnlyList<OpeningPeriod>> Day =
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 96), n))
            .SelectMany(ends => Gen.Shuffle(Pairs(ends.Distinct().Order().ToList()).ToArray()))
            .Select(periods => (IReadOnlyList<OpeningPeriod>)periods);

    private static List<OpeningPeriod> Pairs(List<int> quarters) =>
        [.. Enumerable.Range(0, quarters.Count / 2).Select(i => new OpeningPeriod(quarters[2 * i] * 15, quarters[2 * i + 1] * 15))];

    private static readonly Gen<OpeningException> Exception =
        from days in Gen.Choose(0, 20) from periods in Day from note in Gen.Elements("", "Helgdag")
        select new OpeningException(DateOnly.FromDateTime(Start).AddDays(days), periods, note);

    private static readonly Gen<OpeningHours> Hours =
        from week in Gen.ArrayOf(Day, 7)
        from exceptions in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Exception, n))
        select OpeningHours.Of(week, exceptions.DistinctBy(e => e.Date));

    private static readonly Gen<DateTime> Moments = Gen.Choose(0, 21 * 24 * 60).Select(m => Start.AddMinutes(m));
}
