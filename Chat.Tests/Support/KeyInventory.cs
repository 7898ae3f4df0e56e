using System.Globalization;
using System.Text.RegularExpressions;

namespace Chat.Tests.Support;

// The table under "## Redis keys" in docs/privacy.md, read as data: each row's key pattern becomes a regex
// (`<…>` matches one value, braces are literal) and its lifetime either "permanent…" or a bound. A finite lifetime
// names settings (`Section:Name`, with the default in brackets after it), plain durations ("15 minutes") or
// another row ("as `conv:{<id>}`"); its bound is the longest of them, with settings as the app has them.
public sealed partial class KeyInventory
{
    public sealed record Row(string Pattern, Regex Match, string Lifetime);

    public IReadOnlyList<Row> Rows { get; }
    public IReadOnlyList<string> Channels { get; }

    private KeyInventory(IReadOnlyList<Row> rows, IReadOnlyList<string> channels) => (Rows, Channels) = (rows, channels);

    public static KeyInventory FromDocs()
    {
        var doc = File.ReadAllText(Repository.File("docs/privacy.md"));
        var start = doc.IndexOf("\n## Redis keys", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/privacy.md has no \"## Redis keys\" section");
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = doc[start..(end < 0 ? doc.Length : end)];
        var rows = TableRow().Matches(section)
            .Select(m => new Row(m.Groups[1].Value, ToRegex(m.Groups[1].Value), m.Groups[2].Value.Trim())).ToList();
        Assert.True(rows.Count >= 20, $"the key table in docs/privacy.md was not found ({rows.Count} rows)");
        return new(rows, ChannelName().Matches(section).Select(m => m.Groups[1].Value).Distinct().ToList());
    }

    public Row? Describing(string key) => Rows.FirstOrDefault(r => r.Match.IsMatch(key));

    public bool IsPermanent(Row row, int depth = 0) =>
        row.Lifetime.StartsWith("permanent", StringComparison.Ordinal)
        || (Reference(row) is { } other && depth < 5 && IsPermanent(other, depth + 1));

    // The longest a key of this row may live, with the settings as `setting` answers them (null: not configured).
    public TimeSpan Bound(Row row, Func<string, string?> setting, int depth = 0)
    {
        var bounds = new List<TimeSpan>();
        // "`Section:Name` or `:Other` (15 min)": each setting as configured, else the default in brackets.
        var rest = SettingWithDefault().Replace(row.Lifetime, m =>
        {
            var section = m.Groups[1].Value;
            var names = new[] { m.Groups[2].Value }.Concat(Quoted().Matches(m.Groups[3].Value).Select(o => o.Groups[1].Value.Split(':')[^1]));
            foreach (var name in names)
            {
                var configured = setting($"{section}:{name}");
                bounds.Add(configured is not null ? TimeSpan.Parse(configured, CultureInfo.InvariantCulture)
                    : m.Groups[4].Success ? Duration(m.Groups[4].Value) ?? throw new FormatException($"'{row.Pattern}': cannot read the default of {m.Value}")
                    : throw new FormatException($"'{row.Pattern}': {section}:{name} is not configured and has no default in brackets"));
            }
            return "";
        });
        bounds.AddRange(LiteralDuration().Matches(rest).Select(m => Duration(m.Value)!.Value));
        if (Reference(row) is { } other && depth < 5) bounds.Add(Bound(other, setting, depth + 1));
        if (bounds.Count == 0) throw new FormatException($"'{row.Pattern}': the lifetime \"{row.Lifetime}\" is neither permanent nor names a duration");
        return bounds.Max();
    }

    private Row? Reference(Row row) =>
        Quoted().Matches(row.Lifetime).Select(m => Rows.FirstOrDefault(r => r.Pattern == m.Groups[1].Value)).FirstOrDefault(r => r is not null && r != row);

    private static TimeSpan? Duration(string text)
    {
        var m = LiteralDuration().Match(text);
        if (!m.Success) return null;
        var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "s" or "second" or "seconds" => TimeSpan.FromSeconds(n),
            "min" or "minute" or "minutes" => TimeSpan.FromMinutes(n),
            "h" or "hour" or "hours" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
    }

    private static Regex ToRegex(string pattern) =>
        new("^" + Placeholder().Replace(Regex.Escape(pattern), "[^:{}]+") + "$");

    [GeneratedRegex(@"^\| `([^`]+)` \|[^|\n]*\|[^\n]*\|([^|\n]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"channel\s+`([a-z-]+)`")]
    private static partial Regex ChannelName();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"`([A-Z][A-Za-z]+):([A-Z][A-Za-z]+)`((?: or `[^`]+`)*)(?:\s*\(([^)]*)\))?")]
    private static partial Regex SettingWithDefault();

    [GeneratedRegex(@"\b(\d+(?:\.\d+)?)\s*(seconds?|s|minutes?|min|hours?|h|days?)\b")]
    private static partial Regex LiteralDuration();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Quoted();
}
