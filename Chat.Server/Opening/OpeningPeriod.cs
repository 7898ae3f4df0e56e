using System.Globalization;

namespace Chat.Server.Opening;

// One opening period of a day, in minutes since local midnight: 0 <= From < To <= 24:00 (1440).
// A night shift is two periods: 20:00–24:00 on one day and 00:00–02:00 on the next.
public sealed record OpeningPeriod(int From, int To)
{
    public const int EndOfDay = 24 * 60;

    public bool Contains(int minute) => minute >= From && minute < To;

    public override string ToString() => $"{Clock(From)}–{Clock(To)}";

    public static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    // "18:00" or "8:30"; "24:00" only as an end. Null when it is no time of day.
    public static int? Minutes(string text, bool end)
    {
        text = text.Trim();
        if (end && text == "24:00") return EndOfDay;
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return null;
        return time.Hour * 60 + time.Minute;
    }

    // "18:00–21:00, 22:00–24:00" (a hyphen or an en dash): the periods of one day as typed, each parsed or a problem code.
    // Empty text: no periods (closed).
    public static (IReadOnlyList<OpeningPeriod> Periods, string? Problem) ParseDay(string? text)
    {
        var periods = new List<OpeningPeriod>();
        foreach (var part in (text ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split(['-', '–', '—']);
            if (ends.Length != 2 || Minutes(ends[0], end: false) is not { } from || Minutes(ends[1], end: true) is not { } to)
                return (periods, "invalid-time");
            if (to <= from) return (periods, "period-ends-before-start");
            periods.Add(new(from, to));
        }
        return (periods, null);
    }

    public static string FormatDay(IEnumerable<OpeningPeriod> periods) => string.Join(", ", periods);
}
