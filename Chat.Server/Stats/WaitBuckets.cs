namespace Chat.Server.Stats;

// How long a young person waited in the counsellors' queue, in a few coarse buckets: a count per bucket and day
// says how long people wait without saying when anyone arrived.
public static class WaitBuckets
{
    // Each bucket holds waits shorter than its bound (minutes); the last holds everything longer.
    private static readonly (int UnderMinutes, string Name)[] Bounded =
        [(1, "0-1m"), (5, "1-5m"), (15, "5-15m"), (30, "15-30m"), (60, "30-60m")];

    public const string Longest = "60m+";

    public static IReadOnlyList<string> All { get; } = [.. Bounded.Select(b => b.Name), Longest];

    // A negative wait (clocks of two nodes a little apart) is the shortest there is.
    public static string Of(TimeSpan waited)
    {
        foreach (var (under, name) in Bounded)
            if (waited < TimeSpan.FromMinutes(under)) return name;
        return Longest;
    }

    // The same rule in Lua, from the same table: sets `local bucket` from the milliseconds in `waitedMs`.
    public static string Lua(string waitedMs) =>
        $"local bucket = '{Longest}'\n"
        + string.Join("\n", Bounded.Select((b, i) =>
            $"{(i == 0 ? "if" : "elseif")} {waitedMs} < {(long)TimeSpan.FromMinutes(b.UnderMinutes).TotalMilliseconds} then bucket = '{b.Name}'"))
        + " end";
}
