using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Chat.Tests.Support;

// One Playwright driver and one Chromium for the whole test run; each test takes a fresh context.
public static class Chromium
{
    // Playwright's own browser download fails on our machines, so we drive Debian's chromium.
    const string ChromiumPath = "/usr/bin/chromium";

    static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    // Playwright waits 30 s by default; a broken page should fail well before that, but a loaded
    // 2-core CI machine should not fail a page that is merely slow.
    const float ActionTimeoutMs = 20_000;

    static Chromium() => Assertions.SetDefaultExpectTimeout(15_000);

    static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public static Task<IBrowserContext> NewPhoneContextAsync(Uri? baseUri = null) => NewContextAsync(new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 2,
    }, baseUri);

    public static Task<IBrowserContext> NewDesktopContextAsync(Uri? baseUri = null) => NewContextAsync(new()
    {
        ViewportSize = new() { Width = 1280, Height = 800 },
    }, baseUri);

    public static async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options, Uri? baseUri = null)
    {
        var browser = await Shared.Value;
        if (baseUri is not null) options.BaseURL = baseUri.ToString();
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(ActionTimeoutMs);
        return context;
    }

    // Writes TestResults/screenshots/<test>[-<step>].png at the repository root and returns the path.
    public static async Task<string> SaveScreenshotAsync(this IPage page, string? step = null, [CallerMemberName] string test = "")
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, step is null ? $"{test}.png" : $"{test}-{step}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run ops/test.sh, which installs chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ChromiumArgs,
            Headless = true,
        });
        // xunit 2 has no assembly-wide fixture, so the browser is closed when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            playwright.Dispose();
        };
        return browser;
    }

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Chat.sln"))) return folder.FullName;
        return AppContext.BaseDirectory;
    }
}
