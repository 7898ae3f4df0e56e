using Microsoft.AspNetCore.Http;

namespace Chat.Server.Opening;

// The hours form as typed, kept as text so a refused form comes back exactly as it was sent. One text per weekday
// (Monday first, "18:00–21:00, 22:00–24:00", empty: closed) and rows of exceptions (date, periods, note).
public sealed class OpeningForm
{
    // Blank rows offered below the saved exceptions, for new ones.
    public const int BlankRows = 3;

    public sealed record ExceptionRow(string Date, string Periods, string Note)
    {
        public bool IsBlank => Date.Trim().Length == 0 && Periods.Trim().Length == 0 && Note.Trim().Length == 0;
    }

    public bool HoursKnown { get; init; }
    public IReadOnlyList<string> Days { get; init; } = [.. Enumerable.Repeat("", 7)];
    public IReadOnlyList<ExceptionRow> Exceptions { get; init; } = [];

    public static OpeningForm From(OpeningHours hours) => new()
    {
        HoursKnown = hours.IsKnown,
        Days = [.. OpeningHours.Week.Select(day => OpeningPeriod.FormatDay(hours.Weekday(day)))],
        Exceptions = [.. hours.Exceptions.Select(e => new ExceptionRow(e.Date.ToString("yyyy-MM-dd"), OpeningPeriod.FormatDay(e.Periods), e.Note))],
    };

    // Reads as many exception rows as the form says it has, never more than the rules allow plus the blank ones.
    public static OpeningForm Read(IFormCollection form)
    {
        var rows = int.TryParse(form["exceptionRows"], out var count) ? Math.Clamp(count, 0, OpeningRules.MaxExceptions + BlankRows) : 0;
        return new()
        {
            HoursKnown = form["hoursKnown"] == "yes",
            Days = [.. Enumerable.Range(0, 7).Select(i => form[$"day{i}"].ToString())],
            Exceptions = [.. Enumerable.Range(0, rows).Select(i => new ExceptionRow(form[$"exDate{i}"].ToString(), form[$"exPeriods{i}"].ToString(), form[$"exNote{i}"].ToString()))],
        };
    }

    // The rows to show: those typed or saved (blank ones at the end dropped, so no row moves), then blank ones for new dates.
    public IReadOnlyList<ExceptionRow> RowsToShow =>
        [.. Exceptions.Take(Exceptions.Count - Exceptions.Reverse().TakeWhile(row => row.IsBlank).Count()),
         .. Enumerable.Repeat(new ExceptionRow("", "", ""), BlankRows)];
}
