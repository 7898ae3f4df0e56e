using System.Text;

namespace Chat.Server.Stats;

// date,dimension,value,count: one row per day, dimension and value with a count (StatsReport.Rows).
public static class StatsCsv
{
    // staffing: the recorded duty of each day, as minutes with at least one of the service's own counsellors on duty
    // (covered-minutes) and minutes on duty summed over staff (staff-minutes), for days with anyone on duty.
    public static string Of(StatsReport report, IReadOnlyList<Opening.StaffedDay>? staffing = null)
    {
        var csv = new StringBuilder("date,dimension,value,count\r\n");
        foreach (var row in report.Rows())
            csv.Append($"{row.Day:yyyy-MM-dd},{Cell(row.Dimension)},{Cell(row.Value)},{row.Count}\r\n");
        foreach (var day in (staffing ?? []).Where(d => d.OnDuty > TimeSpan.Zero).OrderBy(d => d.Day))
            csv.Append($"{day.Day:yyyy-MM-dd},staffing,covered-minutes,{(long)day.Covered.TotalMinutes}\r\n")
                .Append($"{day.Day:yyyy-MM-dd},staffing,staff-minutes,{(long)day.OnDuty.TotalMinutes}\r\n");
        return csv.ToString();
    }

    // A cell a spreadsheet would read as a formula gets a leading apostrophe; a comma, quote or line break, quotes.
    // Values are codes and service ids, but a service id comes from the directory, which people edit.
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
