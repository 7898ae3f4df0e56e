using Chat.Tests.Support;
using Xunit.Sdk;

namespace Chat.Tests.Plumbing;

// The accessibility check itself: it finds what it should and says where, so a green AccessibilityTests means something.
public sealed class AxeTests
{
    [Fact]
    public async Task AViolationIsReportedWithItsRuleImpactHelpAndElement()
    {
        await using var context = await Chromium.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            """
            <!DOCTYPE html><html lang="sv"><title>t</title>
            <main><h1>Rubrik</h1><p id="faint" style="color:#bbb;background:#fff">svag text</p><button id="nameless"></button></main>
            """);

        var failure = await Assert.ThrowsAsync<TrueException>(() => Axe.AssertNoViolations(page, "a bad page"));

        Assert.Contains("\"a bad page\"", failure.Message);
        Assert.Contains("- button-name (critical): Buttons must have discernible text", failure.Message);
        Assert.Contains("#nameless", failure.Message);
        Assert.Contains("- color-contrast (serious)", failure.Message);
        Assert.Contains("#faint", failure.Message);
    }

    [Fact]
    public async Task AGoodPagePasses()
    {
        await using var context = await Chromium.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""<!DOCTYPE html><html lang="sv"><title>t</title><main><h1>Rubrik</h1><button>Skicka</button></main>""");

        await Axe.AssertNoViolations(page, "a good page");
    }
}
