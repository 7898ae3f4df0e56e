using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat.Server.Conversations;

namespace Chat.Server.Handover;

// One day's opening, in minutes since local midnight: From < To, To at most 24:00 (1440).
public sealed record DayHours(int From, int To)
{
    public const int EndOfDay = 24 * 60;
    public static DayHours AroundTheClock { get; } = new(0, EndOfDay);
    public bool IsAroundTheClock => From == 0 && To == EndOfDay;
    public bool IsValid => From >= 0 && To <= EndOfDay && From < To;
}

// Opening hours by local wall-clock time, Monday first: each day closed (null) or open once From–To.
// Unknown when no hours were entered. Pure: the caller converts "now" to the service's local time.
[JsonConverter(typeof(WeeklyHoursJson))]
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public const string ClosedRow = "closed";
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    private readonly DayHours?[]? _days;

    private WeeklyHours(DayHours?[]? days) => _days = days;

    public static WeeklyHours Unknown { get; } = new(null);

    public bool IsKnown => _days is not null;

    // Seven days, Monday first; refuses anything else, or a day whose hours are not From < To within the day.
    public static WeeklyHours Of(IReadOnlyList<DayHours?> mondayFirst)
    {
        if (mondayFirst.Count != 7 || mondayFirst.Any(day => day is { IsValid: false }))
            throw new ChatError("invalid-hours", "Opening hours need seven days, each closed or open from a time to a later one.");
        return new([.. mondayFirst]);
    }

    public DayHours? On(DayOfWeek day) => _days?[((int)day + 6) % 7];

    public bool IsOpen(DateTime local) =>
        On(local.DayOfWeek) is { } day && MinuteOf(local) >= day.From && MinuteOf(local) < day.To;

    // The first moment from `local` on when the service is open (`local` itself when open now),
    // if that is within the next 7 days; null when hours are unknown or it stays closed all week.
    public DateTime? NextOpening(DateTime local)
    {
        if (!IsKnown) return null;
        if (IsOpen(local)) return local;
        for (var days = 0; days <= 7; days++)
        {
            var date = local.Date.AddDays(days);
            if (On(date.DayOfWeek) is not { } day) continue;
            var opens = date.AddMinutes(day.From);
            if (opens > local && opens - local <= Horizon) return opens;
        }
        return null;
    }

    // One row per weekday, Monday first, for the form and storage: "closed" or "08:00-17:00" ("00:00-24:00" all day).
    public IReadOnlyList<string> Format() => _days?.Select(FormatDay).ToList() ?? [];

    // Null or no rows: unknown hours. Anything else must be seven rows as Format writes them.
    public static WeeklyHours Parse(IReadOnlyList<string>? rows) =>
        rows is null || rows.Count == 0 ? Unknown : Of(rows.Select(ParseDay).ToList());

    public static string FormatDay(DayHours? day) => day is null ? ClosedRow : $"{Clock(day.From)}-{Clock(day.To)}";

    public static DayHours? ParseDay(string row)
    {
        if (row == ClosedRow) return null;
        var parts = row.Split('-');
        if (parts.Length == 2 && Minutes(parts[0]) is { } from && Minutes(parts[1], endOfDay: true) is { } to && new DayHours(from, to) is { IsValid: true } day)
            return day;
        throw new ChatError("invalid-hours", $"'{row}' is not 'closed' or opening hours like 08:00-17:00.");
    }

    // "HH:mm" (a browser's time field may add ":ss"); as an end time, 00:00 or 24:00 is midnight at the end of the day.
    public static int? Minutes(string? text, bool endOfDay = false)
    {
        if (text is "24:00" && endOfDay) return DayHours.EndOfDay;
        if (!TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return null;
        var minutes = time.Hour * 60 + time.Minute;
        return minutes == 0 && endOfDay ? DayHours.EndOfDay : minutes;
    }

    public static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    private static int MinuteOf(DateTime local) => local.Hour * 60 + local.Minute;

    public bool Equals(WeeklyHours? other) =>
        other is not null && (_days is null ? other._days is null : other._days is not null && _days.SequenceEqual(other._days));

    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);
    public override int GetHashCode() => string.Join(',', Format()).GetHashCode();
    public override string ToString() => IsKnown ? string.Join(", ", Format()) : "unknown";
}

// Stored as the seven rows, or null for unknown hours.
public sealed class WeeklyHoursJson : JsonConverter<WeeklyHours>
{
    public override bool HandleNull => true;

    public override WeeklyHours Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WeeklyHours.Parse(JsonSerializer.Deserialize<List<string>>(ref reader, options));

    public override void Write(Utf8JsonWriter writer, WeeklyHours value, JsonSerializerOptions options)
    {
        if (value.IsKnown) JsonSerializer.Serialize(writer, value.Format(), options);
        else writer.WriteNullValue();
    }
}
