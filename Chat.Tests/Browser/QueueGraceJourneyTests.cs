using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A phone that leaves the page while waiting: back in time it keeps its place; too late, it is told
// kindly that the place was released, and can start again.
public sealed class QueueGraceJourneyTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis(new Dictionary<string, string?>
    {
        ["Queue:Grace"] = "00:00:01",
        ["Queue:SweepInterval"] = "00:00:00.200",
    });
    private Uri _base = null!;

    public Task InitializeAsync()
    {
        _base = _app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AYoungPersonBackAfterTheGraceIsToldTheirPlaceWasReleasedAndCanStartAgain()
    {
        await using var context = await Chromium.NewPhoneContextAsync(_base);
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();

        await phone.GotoAsync("about:blank"); // the page and its connection are gone
        await Task.Delay(TimeSpan.FromSeconds(2));
        await phone.GoBackAsync();

        await Expect(phone.Locator("#start")).ToBeVisibleAsync();
        await Expect(phone.Locator("#chat-error")).ToContainTextAsync("din plats i kön släpptes");
        await phone.SaveScreenshotAsync("released");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        problems.AssertNone();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
