using Chat.Client.Texts;
using Chat.Server.Opening;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Unit;

// The chat's opening hours: what coordinators may enter, and open/closed/next opening at a local time.
public sealed class OpeningHoursTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday
    private static readonly Language Swedish = TextCatalog.StaffSwedish;

    // Monday first; "" is closed.
    private static OpeningForm Form(string[] days, params OpeningForm.ExceptionRow[] exceptions) =>
        new() { HoursKnown = true, Days = days, Exceptions = exceptions };

    private static OpeningForm.ExceptionRow Row(string date, string periods, string note) => new(date, periods, note);

    private static readonly string[] Evenings = ["18:00–21:00", "18:00-21:00", "18:00–21:00", "18:00–21:00", "18:00–21:00", "", ""];

    private static OpeningHours Valid(OpeningForm form, DateOnly? today = null)
    {
        var (hours, problems) = OpeningRules.Check(form, today ?? Today);
        Assert.Empty(problems);
        return hours;
    }

    private static IReadOnlyList<HoursProblem> Refused(OpeningForm form) => OpeningRules.Check(form, Today).Problems;

    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);

    [Fact]
    public void UnknownHoursAreOpenAsFarAsTheClockGoesAndSayNothingAboutClosing()
    {
        var (hours, problems) = OpeningRules.Check(new OpeningForm { HoursKnown = false, Days = ["nonsense", "", "", "", "", "", ""] }, Today);
        Assert.Empty(problems);
        Assert.False(hours.IsKnown);
        Assert.Equal(new OpeningStatus(false, true, null, null), hours.Status(At(11, 23, 3)));
    }

    [Theory]
    [InlineData("18", "invalid-time")]
    [InlineData("18:00", "invalid-time")]
    [InlineData("25:00–26:00", "invalid-time")]
    [InlineData("24:00–24:00", "invalid-time")]
    [InlineData("21:00–18:00", "period-ends-before-start")]
    [InlineData("18:00–18:00", "period-ends-before-start")]
    [InlineData("20:00–00:00", "period-ends-before-start")]
    [InlineData("20:00–02:00", "period-ends-before-start")]
    [InlineData("18:00–21:00, 20:00–22:00", "periods-overlap")]
    [InlineData("08:00–20:00, 09:00–10:00", "periods-overlap")]
    [InlineData("01:00–02:00, 03:00–04:00, 05:00–06:00, 07:00–08:00, 09:00–10:00, 11:00–12:00, 13:00–14:00", "too-many-periods")]
    public void ABadDayIsRefusedBesideThatDayWithItsCode(string day, string code)
    {
        var problem = Assert.Single(Refused(Form(["", "", day, "", "", "", ""])));
        Assert.Equal(new HoursProblem("day2", code), problem);
        Assert.DoesNotContain("Något gick fel", OpeningWords.Describe(Swedish, code));
    }

    [Fact]
    public void ANightShiftIsTwoPeriodsAndStaysOpenOverMidnight()
    {
        var hours = Valid(Form(["", "", "", "", "20:00–24:00", "00:00–02:00", ""]));
        Assert.Equal(new OpeningStatus(true, true, At(11, 28, 2), At(12, 4, 20)), hours.Status(At(11, 27, 23, 59)));
        Assert.True(hours.Status(At(11, 28, 0, 0)).Open);
        Assert.True(hours.Status(At(11, 28, 1, 59)).Open);
        Assert.Equal(new OpeningStatus(true, false, null, At(12, 4, 20)), hours.Status(At(11, 28, 2, 0)));
    }

    [Fact]
    public void PeriodsThatTouchAreOneOpeningAndPeriodsWithAGapAreTwo()
    {
        var hours = Valid(Form(["10:00–12:00, 12:00–14:00, 15:00–16:00", "", "", "", "", "", ""]));
        Assert.Equal(At(11, 23, 14), hours.Status(At(11, 23, 11)).ClosesAt);
        Assert.Equal(At(11, 23, 15), hours.Status(At(11, 23, 11)).NextOpening);
        Assert.Equal(At(11, 23, 15), hours.Status(At(11, 23, 14, 30)).NextOpening);
    }

    [Fact]
    public void AtMidnightTheNewDaysHoursApply()
    {
        var hours = Valid(Form(["00:00–01:00", "", "", "", "", "", "22:00–23:00"]));
        Assert.False(hours.Status(At(11, 22, 23, 59)).Open); // Sunday
        Assert.Equal(At(11, 23, 0, 0), hours.Status(At(11, 22, 23, 59)).NextOpening);
        Assert.True(hours.Status(At(11, 23, 0, 0)).Open);
    }

    [Fact]
    public void AnExceptionOverridesItsWeekdayAndItsNoteIsKept()
    {
        var hours = Valid(Form(Evenings, new("2026-11-25", "10:00–12:00", "Personaldag"), new("2026-11-26", "", "")));
        Assert.True(hours.Status(At(11, 25, 11)).Open);
        Assert.False(hours.Status(At(11, 25, 19)).Open);
        Assert.False(hours.Status(At(11, 26, 19)).Open);
        Assert.Equal(At(11, 27, 18), hours.Status(At(11, 25, 12)).NextOpening);
        Assert.Equal("Personaldag", hours.Exceptions[0].Note);
        Assert.True(hours.Exceptions[1].ClosedAllDay);
    }

    [Fact]
    public void OverChristmasTheNextOpeningSkipsEveryHoliday()
    {
        var every = Enumerable.Repeat("18:00–21:00", 7).ToArray();
        var hours = Valid(Form(every, new("2026-12-24", "", "Julafton"), new("2026-12-25", "", "Juldagen"), new("2026-12-26", "", "Annandag jul")),
            new DateOnly(2026, 12, 1));
        var status = hours.Status(At(12, 23, 21));
        Assert.False(status.Open);
        Assert.Equal(At(12, 27, 18), status.NextOpening);
        Assert.Equal("söndag 18:00", OpeningWords.When(Swedish, status.NextOpening!.Value, At(12, 23, 21)));
    }

    [Fact]
    public void NeverOpeningWithinTwoWeeksIsNoNextOpening()
    {
        var closed = Valid(Form(["", "", "", "", "", "", ""]));
        Assert.Equal(new OpeningStatus(true, false, null, null), closed.Status(At(11, 23, 12)));
        var always = Valid(Form(Enumerable.Repeat("00:00–24:00", 7).ToArray()));
        Assert.Equal(new OpeningStatus(true, true, null, null), always.Status(At(11, 23, 12)));
    }

    [Fact]
    public void TwoExceptionsForOneDateAreRefusedAndAPastOneIsDropped()
    {
        var twice = Refused(Form(Evenings, Row("2026-12-24", "", ""), new("2026-12-24", "10:00–12:00", "")));
        Assert.Equal([new HoursProblem("exDate1", "duplicate-date")], twice);

        var hours = Valid(Form(Evenings, new("2026-11-20", "", "Förra veckan"), new("2026-11-23", "", "I dag"), new("", "", "")));
        Assert.Equal([new DateOnly(2026, 11, 23)], hours.Exceptions.Select(e => e.Date));
    }

    [Fact]
    public void BadDatesNotesAndTooManyExceptionsAreRefused()
    {
        Assert.Equal([new HoursProblem("exDate0", "invalid-date")], Refused(Form(Evenings, Row("24/12", "", ""))));
        Assert.Equal([new HoursProblem("exNote0", "invalid-note")], Refused(Form(Evenings, Row("2026-12-24", "", new string('x', 101)))));
        Assert.Equal([new HoursProblem("exNote0", "invalid-note")], Refused(Form(Evenings, Row("2026-12-24", "", "rad\nbrytning"))));
        Assert.Equal([new HoursProblem("exPeriods0", "period-ends-before-start")], Refused(Form(Evenings, Row("2026-12-24", "22:00–02:00", ""))));
        var many = Enumerable.Range(0, OpeningRules.MaxExceptions + 1)
            .Select(i => new OpeningForm.ExceptionRow(Today.AddDays(i).ToString("yyyy-MM-dd"), "", "")).ToArray();
        Assert.Equal([new HoursProblem("exceptions", "too-many-exceptions")], Refused(Form(Evenings, many)));
    }

    [Fact]
    public void TheNextOpeningIsSaidInSwedish()
    {
        var now = At(11, 27, 21); // Friday
        Assert.Equal("i dag 22:00", OpeningWords.When(Swedish, At(11, 27, 22), now));
        Assert.Equal("i morgon 18:00", OpeningWords.When(Swedish, At(11, 28, 18), now));
        Assert.Equal("måndag 18:00", OpeningWords.When(Swedish, At(11, 30, 18), now));
        Assert.Equal("tisdag 8 december 09:30", OpeningWords.When(Swedish, At(12, 8, 9, 30), now));
    }

    [Fact]
    public void TheNextOpeningIsSaidInEnglishWhenTheStaffPagesAreInEnglish()
    {
        var english = new TextCatalog(Options.Create(new LanguageOptions { Staff = "en" })).Staff;
        var now = At(11, 27, 21); // Friday
        Assert.Equal("tomorrow at 18:00", OpeningWords.When(english, At(11, 28, 18), now));
        Assert.Equal("on Tuesday, 8 December at 09:30", OpeningWords.When(english, At(12, 8, 9, 30), now));
    }

    [Fact]
    public void ASavedFormComesBackAsItWasMeant()
    {
        var hours = Valid(Form(["18:00-21:00,8:00-9:00", "", "", "", "", "", "00:00–24:00"], Row("2026-12-24", "", "Julafton")));
        var again = OpeningForm.From(hours);
        Assert.Equal("08:00–09:00, 18:00–21:00", again.Days[0]);
        Assert.Equal("00:00–24:00", again.Days[6]);
        Assert.Equal(new OpeningForm.ExceptionRow("2026-12-24", "", "Julafton"), again.Exceptions.Single());
        Assert.Equal(4, again.RowsToShow.Count);
    }
}
