using System.Text;

namespace Chat.Server.Stats;

// date,dimension,value,count: one row per day, dimension and value with a count (StatsReport.Rows).
public static class StatsCsv
{
    public static string Of(StatsReport report)
    {
        var csv = new StringBuilder("date,dimension,value,count\r\n");
        foreach (var row in report.Rows())
            csv.Append($"{row.Day:yyyy-MM-dd},{Cell(row.Dimension)},{Cell(row.Value)},{row.Count}\r\n");
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
