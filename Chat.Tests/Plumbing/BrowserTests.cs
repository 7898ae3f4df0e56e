using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Plumbing;

public sealed class BrowserTests : IAsyncLifetime
{
    readonly EchoApp app = new();
    Uri baseUri = null!;

    public Task InitializeAsync()
    {
        baseUri = app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task PhonePageRunsTheModuleWhenTheButtonIsTapped()
    {
        await using var phone = await Chromium.NewPhoneContextAsync(baseUri);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Say hello" }).TapAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Hello from a 390px wide screen");
        Assert.True(await page.EvaluateAsync<bool>("matchMedia('(pointer: coarse)').matches"));
        Assert.True(File.Exists(await page.SaveScreenshotAsync()));
    }

    [Fact]
    public async Task DesktopPageIsWideAndClickable()
    {
        await using var desktop = await Chromium.NewDesktopContextAsync(baseUri);
        var page = await desktop.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Say hello" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Hello from a 1280px wide screen");
        Assert.EndsWith($"{nameof(DesktopPageIsWideAndClickable)}-greeted.png", await page.SaveScreenshotAsync("greeted"));
    }
}
