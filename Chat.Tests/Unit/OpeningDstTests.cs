using Chat.Server.Opening;

namespace Chat.Tests.Unit;

// Opening hours are wall-clock times in Europe/Stockholm; the instants they stand for move with daylight saving.
// 2026: clocks go 02:00 → 03:00 on 29 March and 03:00 → 02:00 on 25 October.
public sealed class OpeningDstTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static OpeningHours Hours(params string[] mondayFirst)
    {
        var (hours, problems) = OpeningRules.Check(new OpeningForm { HoursKnown = true, Days = mondayFirst }, new DateOnly(2026, 1, 1));
        Assert.Empty(problems);
        return hours;
    }

    private static OpeningStatus StatusAt(OpeningHours hours, DateTimeOffset instant) => hours.Status(LocalTime.Of(instant, Stockholm));

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ANightShiftOverTheSpringChangeClosesWhenTheClockSaysTwoWhichIsThreeOClock()
    {
        var hours = Hours("", "", "", "", "", "20:00–24:00", "00:00–02:00");
        var status = StatusAt(hours, Utc(3, 28, 22)); // Saturday 23:00 CET
        Assert.True(status.Open);
        Assert.Equal(new DateTime(2026, 3, 29, 2, 0, 0), status.ClosesAt);
        // 02:00 does not exist that night: the chat closes as the clock jumps, at 01:00 UTC.
        Assert.Equal(Utc(3, 29, 1), LocalTime.ToInstant(status.ClosesAt!.Value, Stockholm));
        Assert.True(StatusAt(hours, Utc(3, 29, 0, 59)).Open);
        Assert.False(StatusAt(hours, Utc(3, 29, 1)).Open);
    }

    [Fact]
    public void AnOpeningInTheSkippedHourHappensAsTheClockJumps()
    {
        var hours = Hours("", "", "", "", "", "", "02:30–05:00");
        var status = StatusAt(hours, Utc(3, 28, 23)); // Sunday 00:00 CET
        Assert.Equal(new DateTime(2026, 3, 29, 2, 30, 0), status.NextOpening);
        Assert.Equal(Utc(3, 29, 1), LocalTime.ToInstant(status.NextOpening!.Value, Stockholm)); // 03:00 CEST
        Assert.True(StatusAt(hours, Utc(3, 29, 1)).Open);
    }

    [Fact]
    public void OnTheAutumnDayAPeriodOverTheRepeatedHourIsOpenBothTimesAndOneHourLonger()
    {
        var hours = Hours("", "", "", "", "", "", "01:00–04:00");
        Assert.True(StatusAt(hours, Utc(10, 25, 0, 30)).Open);  // 02:30 CEST
        Assert.True(StatusAt(hours, Utc(10, 25, 1, 30)).Open);  // 02:30 CET
        var closes = StatusAt(hours, Utc(10, 24, 23, 30)).ClosesAt!.Value; // 01:30 CEST
        Assert.Equal(Utc(10, 25, 3), LocalTime.ToInstant(closes, Stockholm)); // 04:00 CET: four real hours from 01:00 CEST
        Assert.Equal(Utc(10, 24, 23), LocalTime.ToInstant(new DateTime(2026, 10, 25, 1, 0, 0), Stockholm));
        // An opening at a repeated time happens the first time the clock shows it.
        Assert.Equal(Utc(10, 25, 0, 30), LocalTime.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), Stockholm));
    }

    [Fact]
    public void EveningHoursAreEighteenLocalOnBothSidesOfTheChange()
    {
        var hours = Hours(Enumerable.Repeat("18:00–21:00", 7).ToArray());
        Assert.Equal(Utc(3, 28, 17), LocalTime.ToInstant(StatusAt(hours, Utc(3, 28, 12)).NextOpening!.Value, Stockholm));
        Assert.Equal(Utc(3, 29, 16), LocalTime.ToInstant(StatusAt(hours, Utc(3, 29, 12)).NextOpening!.Value, Stockholm));
    }
}
