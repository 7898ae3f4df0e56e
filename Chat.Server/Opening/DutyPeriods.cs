namespace Chat.Server.Opening;

// One staff member on duty at one desk ("" for this service's counsellors, else the partner service's id).
public sealed record DutyPeriod(string User, string Desk, DateTimeOffset From, DateTimeOffset To);

// A local day's staffing: its periods, the person-time on duty (two people for an hour: two hours) in all and by
// local hour of day (0–23; the autumn DST day's second 02:00 hour counts into 2), and the time at least one of this
// service's own counsellors was on duty.
public sealed record StaffedDay(DateOnly Day, IReadOnlyList<DutyPeriod> Periods, TimeSpan OnDuty, IReadOnlyList<TimeSpan> ByHour, TimeSpan Covered);

// Pure rules for duty periods: splitting by local day, and the day's totals.
public static class DutyPeriods
{
    // A period that crosses local midnight becomes one piece per local day, each with the day it belongs to.
    public static IReadOnlyList<(DateOnly Day, DutyPeriod Piece)> ByLocalDay(DutyPeriod period, TimeZoneInfo zone)
    {
        var pieces = new List<(DateOnly, DutyPeriod)>();
        var from = period.From;
        while (from < period.To)
        {
            var day = Stats.StatsDay.Of(from, zone);
            var midnight = LocalTime.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            var to = midnight < period.To ? midnight : period.To;
            pieces.Add((day, period with { From = from, To = to }));
            from = to;
        }
        return pieces;
    }

    public static StaffedDay Day(DateOnly day, IReadOnlyList<DutyPeriod> periods, TimeZoneInfo zone)
    {
        var byHour = new TimeSpan[24];
        foreach (var period in periods)
        {
            var at = period.From;
            while (at < period.To)
            {
                var local = LocalTime.Of(at, zone);
                var hourEnd = at + (TimeSpan.FromHours(1) - TimeSpan.FromTicks(local.TimeOfDay.Ticks % TimeSpan.TicksPerHour));
                var to = hourEnd < period.To ? hourEnd : period.To;
                byHour[local.Hour] += to - at;
                at = to;
            }
        }
        var total = periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.To - p.From));
        return new StaffedDay(day, periods, total, byHour, Union(periods.Where(p => p.Desk.Length == 0)));
    }

    // The time covered by at least one of the periods.
    private static TimeSpan Union(IEnumerable<DutyPeriod> periods)
    {
        var covered = TimeSpan.Zero;
        DateTimeOffset? end = null;
        foreach (var period in periods.OrderBy(p => p.From))
        {
            var from = end is { } e && e > period.From ? e : period.From;
            if (period.To > from) covered += period.To - from;
            if (end is null || period.To > end) end = period.To;
        }
        return covered;
    }
}
