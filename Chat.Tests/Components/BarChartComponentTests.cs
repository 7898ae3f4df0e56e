using System.Globalization;
using Chat.Server.Stats;

namespace Chat.Tests.Components;

// The statistics chart as the server renders it: one segment per day and value with a count, heights in proportion,
// every label as text, and words instead of an empty drawing.
public sealed class BarChartComponentTests
{
    [Fact]
    public async Task EachDayAndValueWithACountIsOneBarWhoseHeightIsInProportionToIt()
    {
        var document = await Render(Data("Språk", [[4, 0], [2, 6], [0, 0]]));

        var bars = document.QuerySelectorAll("svg.chart-svg rect.chart-bar");
        Assert.Equal(3, bars.Length);
        Assert.Equal(["4", "2", "6"], bars.Select(b => b.GetAttribute("data-count")));
        var heights = bars.Select(b => double.Parse(b.GetAttribute("height")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(heights[0] / 4, heights[1] / 2, 6);
        Assert.Equal(heights[0] / 4, heights[2] / 6, 6);
        // The busiest day (8) fits under the axis' top (10): 160 pixels stand for 10.
        Assert.Equal(ChartLayout.PlotHeight * 8 / 10, heights[1] + heights[2], 6);
        Assert.Equal(["0", "5", "10"], document.QuerySelectorAll("text.chart-tick").Select(t => t.TextContent));
        // Each segment says in words which day, value and count it is, and the chart has its title and label.
        Assert.Equal("2026-03-02: Second: 6", bars[2].QuerySelector("title")!.TextContent);
        var svg = document.QuerySelector("svg.chart-svg")!;
        Assert.Equal("Språk", svg.QuerySelector("title")!.TextContent);
        Assert.StartsWith("Språk", svg.GetAttribute("aria-label"));
        Assert.Equal(["First", "Second"], document.QuerySelectorAll(".chart-legend li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task LabelsThatLookLikeMarkupAreShownAsText()
    {
        var hostile = "<script>alert(1)</script><b onmouseover=x>";
        var data = Data(hostile, [[1, 1]]) with { Keys = [new ChartKey(hostile, "#1f4e79"), new ChartKey("\"/><svg onload=x>", "#b35806")] };

        var document = await Render(data);

        Assert.Empty(document.QuerySelectorAll("script, b, foreignObject"));
        Assert.Single(document.QuerySelectorAll("svg.chart-svg"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(hostile, document.QuerySelector("svg.chart-svg > title")!.TextContent);
        Assert.Equal([hostile, "\"/><svg onload=x>"], document.QuerySelectorAll(".chart-legend li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task APeriodWithNothingCountedSaysSoInsteadOfDrawing()
    {
        var document = await Render(Data("Betyg", [[0, 0], [0, 0]]));

        Assert.Empty(document.QuerySelectorAll("svg"));
        Assert.Equal("Inget räknat under perioden.", document.QuerySelector(".chart-empty")!.TextContent);
    }

    [Fact]
    public async Task NinetyDaysAreLabelledEveryFourteenthDayEndingToday()
    {
        var counts = Enumerable.Range(0, 90).Select(day => new long[] { day % 3 }).ToArray();
        var data = new ChartData("Påbörjade", [.. Days(90).Select(d => d.ToString("yyyy-MM-dd"))], [.. Days(90).Select(d => $"{d.Day}/{d.Month}")],
            [new ChartKey("Påbörjade", "#1f4e79")], counts);

        var document = await Render(data);

        var labels = document.QuerySelectorAll("text.chart-day").Select(t => t.TextContent).ToList();
        Assert.Equal(7, labels.Count);
        Assert.Equal($"{Days(90)[^1].Day}/{Days(90)[^1].Month}", labels[^1]);
        Assert.Equal(60, document.QuerySelectorAll("rect.chart-bar").Length);
    }

    private static List<DateOnly> Days(int count) => [.. Enumerable.Range(0, count).Select(i => new DateOnly(2026, 3, 1).AddDays(i))];

    private static ChartData Data(string title, long[][] counts) => new(title,
        [.. Days(counts.Length).Select(d => d.ToString("yyyy-MM-dd"))], [.. Days(counts.Length).Select(d => $"{d.Day}/{d.Month}")],
        [new ChartKey("First", "#1f4e79"), new ChartKey("Second", "#b35806")], counts);

    private static Task<AngleSharp.Dom.IDocument> Render(ChartData data) =>
        Rendered.Component<BarChart>(new() { ["Data"] = data });
}
