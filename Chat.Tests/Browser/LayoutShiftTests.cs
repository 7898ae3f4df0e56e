using System.Text.Json;
using Chat.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Chat.Tests.Browser;

// Issue 9: nothing on the youth page moves while it loads: not when the styles arrive, not when youth.js starts
// and enables the button, not when the opening status is asked again (here every second). Chromium's own
// layout-shift entries are summed from the first paint on, as the Cumulative Layout Shift metric does.
public sealed class LayoutShiftTests(ITestOutputHelper output)
    : BrowserTest(new Dictionary<string, string?> { ["Opening:RefreshEvery"] = "00:00:01" })
{
    // Registered before the document exists; buffered, so shifts before the observer ran are counted too.
    const string ShiftRecorder = """
        const shifts = [];
        const record = (entries) => {
          for (const entry of entries) {
            if (entry.hadRecentInput) continue;
            const moved = entry.sources.map((s) => s.node?.id || s.node?.className || s.node?.nodeName || '?');
            shifts.push({ value: entry.value, at: Math.round(entry.startTime), moved });
          }
        };
        const observer = new PerformanceObserver((list) => record(list.getEntries()));
        observer.observe({ type: 'layout-shift', buffered: true });
        // Two frames on, the last change has been laid out; its entry may still wait for the observer's callback,
        // which comes when the browser is idle: takeRecords() hands it over now.
        window.layoutShifts = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
          record(observer.takeRecords());
          done(JSON.stringify(shifts));
        })));
        """;

    // slow: on Chromium's Slow-3G emulation (as SlowNetworkTests), where the page arrives in pieces.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NothingOnTheYouthPageMovesWhileItLoadsAndRefreshesItsStatus(bool slow)
    {
        await using var counsellor = await Counsellor.SignIn(App, "ulla");
        (await counsellor.GoOnDuty(3)).Value();
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.AddInitScriptAsync(ShiftRecorder);
        if (slow) await NetworkLog.Slow3G(phone);

        await phone.GotoAsync("/");
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();
        await phone.WaitForResponseAsync(r => r.Url.EndsWith("/youth/status", StringComparison.Ordinal));

        var shifts = JsonSerializer.Deserialize<List<Shift>>(await phone.EvaluateAsync<string>("layoutShifts()"), JsonSerializerOptions.Web)!;
        foreach (var shift in shifts) output.WriteLine($"{shift.At,6} ms  {shift.Value:0.0000}  {string.Join(", ", shift.Moved)}");
        Assert.True(shifts.Count == 0, $"the youth page moved while loading: cumulative layout shift {shifts.Sum(s => s.Value):0.0000}");
        problems.AssertNone();
    }

    private sealed record Shift(double Value, double At, string[] Moved);
}
