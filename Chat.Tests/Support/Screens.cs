using Microsoft.Playwright;

namespace Chat.Tests.Support;

// Pictures of the service's pages for docs/screens (ops/screens.sh), each checked as it is taken: at a phone's size
// (390×844) and a desktop's (1280×800) the page fits the screen's width and axe finds nothing in it. The pictures go to
// TestResults/screens, or to CHAT_SCREENS_DIR.
public static class Screens
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("CHAT_SCREENS_DIR") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(Repository.Root, "TestResults", "screens");

    private static readonly (string Name, int Width, int Height)[] Sizes = [("phone", 390, 844), ("desktop", 1280, 800)];

    // Writes <language>-<name>-<size>.png at each size. desk: a page made for a desk (console, dashboard,
    // coordinators' pages), which may scroll sideways on a phone (docs/architecture.md, known limits).
    public static async Task Shoot(IPage page, string language, string name, bool desk = false)
    {
        Directory.CreateDirectory(Folder);
        var original = page.ViewportSize!;
        foreach (var (size, width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0 || (desk && size == "phone"), $"{language} {name} at {size} scrolls sideways by {overflow} px");
            await Axe.AssertNoViolations(page, $"{language} {name} at {size}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{language}-{name}-{size}.png") });
        }
        await page.SetViewportSizeAsync(original.Width, original.Height);
    }
}
