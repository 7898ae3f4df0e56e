using Chat.Server.Conversations;
using Chat.Server.Handover;

namespace Chat.Tests.Unit;

// Opening hours on the local wall clock, Monday first.
public sealed class WeeklyHoursTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    // 23 November 2026 is a Monday; 29 November the Sunday after.
    private static DateTime Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0);

    private static WeeklyHours Hours(params string[] mondayFirst) => WeeklyHours.Parse(mondayFirst);

    private static readonly WeeklyHours Office = Hours("08:00-17:00", "08:00-17:00", "08:00-17:00", "08:00-17:00", "08:00-16:00", "closed", "closed");

    [Fact]
    public void OpenFromTheFirstMinuteUntilJustBeforeClosing()
    {
        Assert.False(Office.IsOpen(Local(23, 7, 59)));
        Assert.True(Office.IsOpen(Local(23, 8, 0)));
        Assert.True(Office.IsOpen(Local(23, 16, 59)));
        Assert.False(Office.IsOpen(Local(23, 17, 0)));
        Assert.False(Office.IsOpen(Local(28, 12, 0))); // Saturday
    }

    [Fact]
    public void NextOpeningIsNowWhenOpenLaterTodayOrOnTheNextOpenDay()
    {
        Assert.Equal(Local(23, 9, 30), Office.NextOpening(Local(23, 9, 30)));
        Assert.Equal(Local(23, 8, 0), Office.NextOpening(Local(23, 6, 15)));
        Assert.Equal(Local(24, 8, 0), Office.NextOpening(Local(23, 17, 0)));
        Assert.Equal(new DateTime(2026, 11, 30, 8, 0, 0), Office.NextOpening(Local(27, 16, 0))); // Friday after closing → Monday
    }

    [Fact]
    public void FromSundayNightTheNextOpeningIsMondayMorning()
    {
        Assert.Equal(new DateTime(2026, 11, 30, 8, 0, 0), Office.NextOpening(Local(29, 23, 59)));
        Assert.Equal(new DateTime(2026, 11, 30, 8, 0, 0), Office.NextOpening(new DateTime(2026, 11, 30, 0, 0, 0)));
    }

    [Fact]
    public void OpenAcrossMidnightFromSundayToMonday()
    {
        var nights = Hours("00:00-06:00", "closed", "closed", "closed", "closed", "closed", "20:00-00:00");

        Assert.True(nights.IsOpen(Local(29, 23, 59)));
        Assert.True(nights.IsOpen(new DateTime(2026, 11, 30, 0, 0, 0)));
        Assert.True(nights.IsOpen(new DateTime(2026, 11, 30, 5, 59, 0)));
        Assert.False(nights.IsOpen(new DateTime(2026, 11, 30, 6, 0, 0)));
        Assert.Equal(new DateTime(2026, 12, 6, 20, 0, 0), nights.NextOpening(new DateTime(2026, 11, 30, 6, 0, 0)));
        Assert.Equal(new DayHours(20 * 60, DayHours.EndOfDay), nights.On(DayOfWeek.Sunday));
    }

    [Fact]
    public void AroundTheClockIsOpenEveryMinute()
    {
        var always = Hours([.. Enumerable.Repeat("00:00-24:00", 7)]);
        Assert.True(always.IsOpen(Local(23, 0, 0)));
        Assert.True(always.IsOpen(Local(29, 23, 59)));
        Assert.Equal(DayHours.AroundTheClock, always.On(DayOfWeek.Wednesday));
    }

    [Fact]
    public void TheSameWeekdayNextWeekIsStillWithinTheWeek()
    {
        var mondayMornings = Hours("08:00-10:00", "closed", "closed", "closed", "closed", "closed", "closed");
        Assert.Equal(new DateTime(2026, 11, 30, 8, 0, 0), mondayMornings.NextOpening(Local(23, 10, 0)));
    }

    [Fact]
    public void ClosedAllWeekOrUnknownHasNoNextOpening()
    {
        Assert.Null(Hours([.. Enumerable.Repeat("closed", 7)]).NextOpening(Local(23, 12)));
        Assert.Null(WeeklyHours.Unknown.NextOpening(Local(23, 12)));
        Assert.False(WeeklyHours.Unknown.IsOpen(Local(23, 12)));
        Assert.False(WeeklyHours.Unknown.IsKnown);
        Assert.Same(WeeklyHours.Unknown, WeeklyHours.Parse([]));
        Assert.Same(WeeklyHours.Unknown, WeeklyHours.Parse(null));
    }

    [Fact]
    public void RowsRoundTripAndMidnightAsAnEndMeansTheEndOfTheDay()
    {
        Assert.Equal(["08:00-17:00", "08:00-17:00", "08:00-17:00", "08:00-17:00", "08:00-16:00", "closed", "closed"], Office.Format());
        Assert.Equal(Office, WeeklyHours.Parse(Office.Format()));
        Assert.Equal(new DayHours(18 * 60, DayHours.EndOfDay), WeeklyHours.ParseDay("18:00-00:00"));
        Assert.Equal(DayHours.AroundTheClock, WeeklyHours.ParseDay("00:00-24:00"));
    }

    [Theory]
    [InlineData("17:00-08:00")]
    [InlineData("08:00-08:00")]
    [InlineData("24:00-24:00")]
    [InlineData("25:00-26:00")]
    [InlineData("08:00")]
    [InlineData("8-17")]
    [InlineData("")]
    [InlineData("stängt")]
    public void MalformedRowsAreRefused(string row) =>
        Assert.Equal("invalid-hours", Assert.Throws<ChatError>(() => WeeklyHours.ParseDay(row)).Code);

    [Fact]
    public void AWeekHasSevenDays()
    {
        Assert.Equal("invalid-hours", Assert.Throws<ChatError>(() => WeeklyHours.Parse(["closed", "closed"])).Code);
        Assert.Equal("invalid-hours", Assert.Throws<ChatError>(() => WeeklyHours.Of([.. Enumerable.Repeat<DayHours?>(new DayHours(600, 500), 7)])).Code);
    }

    [Fact]
    public void StoredAsSevenRowsOrNull()
    {
        var service = new PartnerService("kast", "KAST", "", "", 18, null, ["own-behaviour"], [], Office, "", HandoverMode.ByCode, null);
        Assert.Contains("\"hours\":[\"08:00-17:00\"", service.ToJson());
        Assert.Equal(Office, PartnerService.FromJson(service.ToJson()).Hours);
        Assert.Contains("\"hours\":null", (service with { Hours = WeeklyHours.Unknown }).ToJson());
        Assert.Same(WeeklyHours.Unknown, PartnerService.FromJson((service with { Hours = WeeklyHours.Unknown }).ToJson()).Hours);
    }

    // Hours are wall-clock times: on the days the clocks change, 08:00 is still 08:00 in Stockholm,
    // and the night between holds one hour less (spring) or more (autumn).
    [Fact]
    public void OnTheSpringChangeDayTheWallClockDecides()
    {
        var office = Hours([.. Enumerable.Repeat("08:00-17:00", 7)]);
        var beforeJump = TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), Stockholm).DateTime; // 01:30 CET
        var opens = office.NextOpening(beforeJump)!.Value;

        Assert.Equal(new DateTime(2026, 3, 29, 8, 0, 0), opens);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), TimeZoneInfo.ConvertTimeToUtc(opens, Stockholm));
        Assert.True(office.IsOpen(TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), Stockholm).DateTime));
        Assert.False(office.IsOpen(TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 3, 29, 5, 59, 0, TimeSpan.Zero), Stockholm).DateTime));
    }

    [Fact]
    public void OnTheAutumnChangeDayTheWallClockDecides()
    {
        var nights = Hours([.. Enumerable.Repeat("02:00-03:00", 7)]);
        // 02:00-03:00 happens twice on 25 October 2026: 00:00-01:00 UTC (CEST) and 01:00-02:00 UTC (CET).
        Assert.True(nights.IsOpen(TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), Stockholm).DateTime));
        Assert.True(nights.IsOpen(TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), Stockholm).DateTime));
        Assert.False(nights.IsOpen(TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.Zero), Stockholm).DateTime));
        var office = Hours([.. Enumerable.Repeat("08:00-17:00", 7)]);
        Assert.True(office.IsOpen(TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 10, 25, 7, 0, 0, TimeSpan.Zero), Stockholm).DateTime));
        Assert.False(office.IsOpen(TimeZoneInfo.ConvertTime(new DateTimeOffset(2026, 10, 25, 6, 59, 0, TimeSpan.Zero), Stockholm).DateTime));
    }
}
