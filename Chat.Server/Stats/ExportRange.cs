using System.Globalization;
using Chat.Server.Conversations;

namespace Chat.Server.Stats;

// The days a CSV export covers. Counters are kept `retentionDays` days and there are none for days to come, so a
// range reaching past either end is moved inside [today - retentionDays + 1, today], and the answer says so.
public sealed record ExportRange(DateOnly From, DateOnly To, bool Clamped)
{
    public static ExportRange Parse(string? from, string? to, DateOnly today, int retentionDays)
    {
        var first = Date(from, "from");
        var last = Date(to, "to");
        if (first > last) throw new ChatError("invalid-range", "from must not be after to.");
        return Clamp(first, last, today, retentionDays);
    }

    public static ExportRange Clamp(DateOnly from, DateOnly to, DateOnly today, int retentionDays)
    {
        var oldest = today.AddDays(1 - retentionDays);
        var first = Within(from, oldest, today);
        var last = Within(to, oldest, today);
        return new ExportRange(first, last, first != from || last != to);
    }

    // The page's own ranges: the last 30 or 90 days, today included; anything else is 30.
    public static int PageDays(string? days) => days == "90" ? 90 : 30;

    private static DateOnly Within(DateOnly day, DateOnly oldest, DateOnly today) =>
        day < oldest ? oldest : day > today ? today : day;

    private static DateOnly Date(string? value, string name) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ChatError("invalid-date", $"{name} must be a date written yyyy-mm-dd.");
}
