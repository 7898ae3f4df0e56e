using System.Globalization;

namespace Chat.Server.Opening;

public sealed record HoursProblem(string Field, string Code);

// What coordinators may set as the chat's hours. Every problem is kept with the field it concerns, by a stable code
// (OpeningWords says it in Swedish). Exceptions for dates already past are dropped, not refused: they can no
// longer matter, and a form opened yesterday must still save today.
public static class OpeningRules
{
    public const int MaxPeriodsPerDay = 6;
    public const int MaxExceptions = 60;
    public const int MaxNoteLength = 100;

    public static (OpeningHours Hours, IReadOnlyList<HoursProblem> Problems) Check(OpeningForm form, DateOnly today)
    {
        if (!form.HoursKnown) return (OpeningHours.Unknown, []);
        var problems = new List<HoursProblem>();
        var week = form.Days.Select((text, i) => Day(text, $"day{i}", problems)).ToList();
        var exceptions = new List<OpeningException>();
        for (var i = 0; i < form.Exceptions.Count; i++)
        {
            var row = form.Exceptions[i];
            if (row.IsBlank) continue;
            if (!DateOnly.TryParseExact(row.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(new($"exDate{i}", "invalid-date"));
                continue;
            }
            var periods = Day(row.Periods, $"exPeriods{i}", problems);
            var note = row.Note.Trim();
            if (note.Length > MaxNoteLength || note.Any(char.IsControl)) problems.Add(new($"exNote{i}", "invalid-note"));
            if (date < today) continue;
            if (exceptions.Any(e => e.Date == date)) problems.Add(new($"exDate{i}", "duplicate-date"));
            else exceptions.Add(new(date, periods, note));
        }
        if (exceptions.Count > MaxExceptions) problems.Add(new("exceptions", "too-many-exceptions"));
        return problems.Count > 0 ? (OpeningHours.Unknown, problems) : (OpeningHours.Of(week, exceptions), []);
    }

    // One day's periods: each well formed and ending after it starts, none overlapping another, not too many.
    private static IReadOnlyList<OpeningPeriod> Day(string text, string field, List<HoursProblem> problems)
    {
        var (periods, problem) = OpeningPeriod.ParseDay(text);
        if (problem is not null) problems.Add(new(field, problem));
        else if (periods.Count > MaxPeriodsPerDay) problems.Add(new(field, "too-many-periods"));
        else if (Overlap(periods)) problems.Add(new(field, "periods-overlap"));
        return periods;
    }

    // Touching is fine (12:00–14:00, 14:00–16:00 is one opening); sharing any minute is not.
    public static bool Overlap(IReadOnlyList<OpeningPeriod> periods)
    {
        var sorted = periods.OrderBy(p => p.From).ToList();
        return sorted.Zip(sorted.Skip(1)).Any(pair => pair.Second.From < pair.First.To);
    }
}
