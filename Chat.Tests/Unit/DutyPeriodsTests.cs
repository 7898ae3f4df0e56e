using Chat.Server.Opening;

namespace Chat.Tests.Unit;

// Duty periods split by Stockholm day and counted by local hour, DST nights included.
public sealed class DutyPeriodsTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static DutyPeriod Period(DateTimeOffset from, TimeSpan length, string user = "ulla") => new(user, "", from, from + length);

    [Fact]
    public void AShortPeriodStaysOnItsDayAndALongOneIsCutAtEachLocalMidnight()
    {
        var from = new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero); // 23:00 local
        Assert.Single(DutyPeriods.ByLocalDay(Period(from, TimeSpan.FromMinutes(59)), Stockholm));
        var pieces = DutyPeriods.ByLocalDay(Period(from, TimeSpan.FromHours(26)), Stockholm);
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25)], pieces.Select(p => p.Day));
        Assert.Equal([1.0, 24.0, 1.0], pieces.Select(p => (p.Piece.To - p.Piece.From).TotalHours));
    }

    [Fact]
    public void TheAutumnNightsRepeatedHourCountsTwiceIntoTwoOClock()
    {
        var midnight = new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero); // 00:00 CEST on 25 October
        var day = DutyPeriods.Day(new DateOnly(2026, 10, 25), [Period(midnight, TimeSpan.FromHours(5))], Stockholm); // to 04:00 CET
        Assert.Equal(TimeSpan.FromHours(5), day.OnDuty);
        Assert.Equal([60.0, 60.0, 120.0, 60.0, 0.0], day.ByHour.Take(5).Select(h => h.TotalMinutes));
    }

    [Fact]
    public void CoveredTimeCountsOverlapsOnceAndOnlyThisServicesCounsellors()
    {
        var six = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
        var day = DutyPeriods.Day(new DateOnly(2026, 11, 23),
        [
            Period(six, TimeSpan.FromHours(2)),
            Period(six.AddHours(1), TimeSpan.FromHours(2), "bertil"),
            Period(six.AddHours(5), TimeSpan.FromHours(1), "sara") with { Desk = "stodcentrum" },
        ], Stockholm);
        Assert.Equal(TimeSpan.FromHours(3), day.Covered);
        Assert.Equal(TimeSpan.FromHours(5), day.OnDuty);
    }
}
