using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Resilience;

// What the young person's page and the counsellor's console say about their connection, in real Chromium against a
// node that is killed and started again: nothing while connected, that it is trying again while the node is away,
// and nothing once it is back.
[Collection(ResilienceCollection.Name)]
public sealed class ConnectionNoticeTests
{
    // Both pages retry at 0, 2, 5 and 10 s (hub.js): a restarted node is found well within this.
    static readonly LocatorAssertionsToBeVisibleOptions Comeback = new() { Timeout = 45_000 };

    [Fact]
    public async Task BothSidesSayTheConnectionWasLostOnlyWhileItIs()
    {
        await using var cluster = await ProcessCluster.StartAsync(nodeCount: 1);
        var node = cluster.Nodes[0];
        await ProcessCluster.FirstCounsellor(node);
        await using var desk = await Chromium.NewDesktopContextAsync(node.BaseUri);
        var (console, _) = await BrowserTest.SignedIn(desk, node.BaseUri, "ulla", "/staff");
        await Assertions.Expect(console.Locator("#go-on-duty")).ToBeEnabledAsync();
        await console.ClickAsync("#go-on-duty");
        await using var phoneContext = await Chromium.NewPhoneContextAsync(node.BaseUri);
        var (phone, _) = await BrowserTest.StartedChat(phoneContext);
        await Assertions.Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        await Assertions.Expect(console.Locator("#queue .waiting-chat")).ToBeVisibleAsync();
        var (consoleNotice, phoneNotice) = (console.Locator("#connection-status"), phone.Locator("#connection-status"));
        await Assertions.Expect(consoleNotice).ToBeHiddenAsync();
        await Assertions.Expect(phoneNotice).ToBeHiddenAsync();

        node.Kill();
        await Assertions.Expect(consoleNotice).ToHaveTextAsync(Chat.Client.Texts.TextCatalog.StaffSwedish["console.connection.reconnecting"]);
        await Assertions.Expect(phoneNotice).ToHaveTextAsync(Words.In("sv")["connection.reconnecting"]);

        await node.StartAgainAsync();
        await Assertions.Expect(console.Locator("#queue .waiting-chat")).ToBeVisibleAsync(Comeback);
        await Assertions.Expect(consoleNotice).ToBeHiddenAsync();
        await Assertions.Expect(phoneNotice).ToBeHiddenAsync(new() { Timeout = Comeback.Timeout });
        await Assertions.Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
    }
}
