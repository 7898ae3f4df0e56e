using System.Text.Json;
using Chat.Tests.Support;

namespace Chat.Tests.Resilience;

[Collection(ResilienceCollection.Name)]
public sealed class NginxTests
{
    // The browser's SignalR client first POSTs /negotiate and then opens the WebSocket with the id it got back,
    // which only the node that negotiated knows: nginx has to send both to one node, also after a node died.
    [Fact]
    public async Task TheBrowsersNegotiateAndWebSocketReachTheSameNodeEvenAfterANodeDied()
    {
        await using var cluster = await ProcessCluster.StartAsync(nodeCount: 2, nginx: true);
        var front = cluster.Front!;
        for (var i = 0; i < 4; i++) await NegotiateThenConnect(front.BaseUri);

        var first = await front.NodeAnswering();
        cluster.Node(first).Kill();
        for (var i = 0; i < 4; i++) await NegotiateThenConnect(front.BaseUri);
        Assert.NotEqual(first, await front.NodeAnswering());
    }

    static async Task NegotiateThenConnect(Uri front)
    {
        using var http = new HttpClient { BaseAddress = front, Timeout = ChatApp.Timeout };
        using var negotiated = await http.PostAsync("/hubs/youth/negotiate?negotiateVersion=1", null);
        Assert.True(negotiated.IsSuccessStatusCode, $"negotiate through nginx answered {(int)negotiated.StatusCode}");
        using var body = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("connectionToken").GetString();
        await using var youth = new Youth(await HubClients.ConnectAsync(front, $"/hubs/youth?id={id}"));
        Assert.Equal("waiting", (await youth.Start()).Value().State);
    }
}
