namespace Chat.Server.Opening;

// A date with its own hours: no periods is closed all day (a holiday); Note is a short word for staff only.
public sealed record OpeningException(DateOnly Date, IReadOnlyList<OpeningPeriod> Periods, string Note = "")
{
    public bool ClosedAllDay => Periods.Count == 0;
}

// Open: within a period now. ClosesAt: when this opening ends (null: not within the look-ahead). NextOpening: when it
// opens next (after ClosesAt when open now; null: not within the look-ahead). Local wall-clock times.
public sealed record OpeningStatus(bool Known, bool Open, DateTime? ClosesAt, DateTime? NextOpening);

// The chat's opening hours by local wall-clock time: periods per weekday (Monday first) and exceptions by date, which
// replace that date's weekday. Unknown until coordinators set any. Pure: the caller converts "now" to local time.
// On the spring DST day a period over 02:00–03:00 is an hour shorter, on the autumn day an hour longer: hours are
// what the clock on the wall says, like a shop's.
public sealed class OpeningHours
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    // How far Status looks for the next opening or closing.
    public static readonly int LookAheadDays = 14;

    private readonly IReadOnlyList<OpeningPeriod>[]? _week;
    private readonly Dictionary<DateOnly, OpeningException> _exceptions;

    private OpeningHours(IReadOnlyList<OpeningPeriod>[]? week, IEnumerable<OpeningException> exceptions)
    {
        _week = week;
        // Sorted like the weekdays' periods, whatever order they were typed in: the next opening is the earliest one.
        _exceptions = exceptions.ToDictionary(e => e.Date, e => e with { Periods = [.. e.Periods.OrderBy(p => p.From)] });
    }

    public static OpeningHours Unknown { get; } = new(null, []);

    // Trusts its input: OpeningRules checks what coordinators type before it gets here.
    public static OpeningHours Of(IReadOnlyList<IReadOnlyList<OpeningPeriod>> mondayFirst, IEnumerable<OpeningException> exceptions) =>
        mondayFirst.Count == 7
            ? new([.. mondayFirst.Select(day => (IReadOnlyList<OpeningPeriod>)[.. day.OrderBy(p => p.From)])], exceptions)
            : throw new ArgumentException("Seven days, Monday first.", nameof(mondayFirst));

    public bool IsKnown => _week is not null;

    public IReadOnlyList<OpeningPeriod> Weekday(DayOfWeek day) => _week?[((int)day + 6) % 7] ?? [];

    public IReadOnlyList<OpeningException> Exceptions => [.. _exceptions.Values.OrderBy(e => e.Date)];

    // The periods that apply on a date: its exception's, else its weekday's.
    public IReadOnlyList<OpeningPeriod> On(DateOnly date) =>
        _exceptions.TryGetValue(date, out var exception) ? exception.Periods : Weekday(date.DayOfWeek);

    public bool IsOpen(DateTime local) => On(DateOnly.FromDateTime(local)).Any(p => p.Contains(MinuteOf(local)));

    // Unknown hours are open as far as the clock goes (then the chat is open whenever someone is on duty).
    public OpeningStatus Status(DateTime local)
    {
        if (!IsKnown) return new(false, true, null, null);
        if (!IsOpen(local)) return new(true, false, null, OpensAfter(local));
        var closes = ClosesAfter(local);
        return new(true, true, closes, closes is { } at ? OpensAfter(at) : null);
    }

    // The end of the opening `local` is in, following periods that go on without a break (24:00 into 00:00, or one
    // period ending where the next begins).
    private DateTime? ClosesAfter(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        var minute = MinuteOf(local);
        var last = date.AddDays(LookAheadDays);
        while (date <= last)
        {
            var period = On(date).First(p => p.Contains(minute));
            if (period.To < OpeningPeriod.EndOfDay && !On(date).Any(p => p.From == period.To)) return At(date, period.To);
            if (period.To < OpeningPeriod.EndOfDay) { minute = period.To; continue; }
            date = date.AddDays(1);
            minute = 0;
            if (!On(date).Any(p => p.Contains(0))) return At(date, 0);
        }
        return null;
    }

    // The first period that starts after `local` (which is closed), within the look-ahead.
    private DateTime? OpensAfter(DateTime local)
    {
        var today = DateOnly.FromDateTime(local);
        for (var days = 0; days <= LookAheadDays; days++)
        {
            var date = today.AddDays(days);
            if (On(date).Where(p => At(date, p.From) > local).Select(p => (DateTime?)At(date, p.From)).FirstOrDefault() is { } opens)
                return opens;
        }
        return null;
    }

    private static DateTime At(DateOnly date, int minute) => date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);

    private static int MinuteOf(DateTime local) => local.Hour * 60 + local.Minute;
}
