using Chat.Tests.Support;
using Xunit.Abstractions;

namespace Chat.Tests.Browser;

// Issue 9, "light and fast": the youth page's first load, the SignalR client and its connection included, comes
// to at most 60 KB on the wire and needs no web font. Bytes are counted as NetworkLog says (compressed, headers
// included) in a fresh phone context with the cache off; the breakdown is in the test output.
public sealed class YouthPageWeightTests(ITestOutputHelper output) : BrowserTest
{
    const long Budget = 60 * 1024;

    [Fact]
    public async Task TheYouthPageLoadsReadyToChatInAtMostSixtyKilobytesWithoutAWebFont()
    {
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        var network = await NetworkLog.Attach(phone);

        await phone.GotoAsync("/");
        // The first load ends when the page is ready to start a chat: youth.js has negotiated and opened its
        // WebSocket (the button is enabled only then), and nothing the page asked for is still on its way.
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();
        await HubEvents.Eventually(() => Task.FromResult(network.Pending == 0 && network.AnyWebSocketFrameReceived),
            "every response of the first load has arrived");
        output.WriteLine(network.Breakdown());

        Assert.Contains(network.Transfers, t => t.Type == "WebSocket");
        Assert.Contains(network.Transfers, t => t.Url.Contains("/hubs/youth/negotiate", StringComparison.Ordinal));
        Assert.DoesNotContain(network.Transfers, t => t.Type == "Font");
        Assert.Equal(0, await phone.EvaluateAsync<int>(
            "[...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r instanceof CSSFontFaceRule).length"));
        Assert.Equal(0, await phone.EvaluateAsync<int>("document.fonts.size"));
        Assert.True(network.TotalBytes <= Budget,
            $"the youth page's first load is {network.TotalBytes:N0} bytes, over the budget of {Budget:N0}:\n{network.Breakdown()}");
        problems.AssertNone();
    }
}
