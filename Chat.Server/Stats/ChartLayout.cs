namespace Chat.Server.Stats;

// A key is one value of a dimension (a topic, a bucket) with its label and colour.
public sealed record ChartKey(string Label, string Colour);

// Counts[day][key]. DayNames are full dates ("2026-03-01"), DayLabels short ones for the axis ("1/3").
public sealed record ChartData(string Title, IReadOnlyList<string> DayNames, IReadOnlyList<string> DayLabels, IReadOnlyList<ChartKey> Keys, long[][] Counts)
{
    public bool IsEmpty => Counts.All(day => day.All(count => count == 0));
}

public sealed record ChartBar(int Day, int Key, long Count, double X, double Y, double Width, double Height);

public sealed record ChartTick(long Value, double Y);

public sealed record ChartDayLabel(string Text, double X);

// Where every bar goes: one stacked bar per day, each value a segment whose height is proportional to its count.
// Pure, so the drawing is tested without a browser.
public sealed record ChartLayout(double Width, double Height, double PlotLeft, double PlotBottom, long Top,
    IReadOnlyList<ChartBar> Bars, IReadOnlyList<ChartTick> Ticks, IReadOnlyList<ChartDayLabel> DayLabels)
{
    public const double PlotTop = 10, PlotHeight = 160, Left = 48;

    public static ChartLayout Of(ChartData data)
    {
        var days = data.Counts.Length;
        var slot = days <= 31 ? 20.0 : 8.0;
        var top = NiceCeiling(data.Counts.Select(day => day.Sum()).DefaultIfEmpty(0).Max());
        var bottom = PlotTop + PlotHeight;
        var bars = new List<ChartBar>();
        for (var day = 0; day < days; day++)
        {
            var y = bottom;
            for (var key = 0; key < data.Counts[day].Length; key++)
            {
                var count = data.Counts[day][key];
                if (count <= 0) continue;
                var height = PlotHeight * count / top;
                y -= height;
                bars.Add(new ChartBar(day, key, count, Left + day * slot + slot * 0.15, y, slot * 0.7, height));
            }
        }
        long[] ticks = top % 2 == 0 ? [0, top / 2, top] : [0, top];
        // Every 7th (or 14th) day from the last, so today always has its date.
        var every = days <= 31 ? 7 : 14;
        var labels = Enumerable.Range(0, days).Where(day => (days - 1 - day) % every == 0)
            .Select(day => new ChartDayLabel(data.DayLabels[day], Left + day * slot + slot / 2)).ToList();
        return new ChartLayout(Left + days * slot + 12, bottom + 28, Left, bottom, top,
            bars, [.. ticks.Select(t => new ChartTick(t, bottom - PlotHeight * t / top))], labels);
    }

    // The axis ends at 1, 2 or 5 times a power of ten, at least the largest day, so its labels are round numbers.
    public static long NiceCeiling(long max)
    {
        if (max <= 1) return 1;
        for (long power = 1; ; power *= 10)
            foreach (var step in new long[] { 1, 2, 5 })
                if (step * power >= max) return step * power;
    }
}

// Dark enough against the white page for graphical objects (WCAG 1.4.11, at least 3:1), and told apart by hue;
// segments are also separated by a white line. More values than colours start over (the table has every number).
public static class ChartPalette
{
    public static IReadOnlyList<string> Colours { get; } =
        ["#1f4e79", "#b35806", "#2d7d46", "#7b3294", "#a50f15", "#01665e", "#8c510a", "#c51b7d", "#404040", "#4d6a00"];

    public static string Of(int index) => Colours[index % Colours.Count];
}
