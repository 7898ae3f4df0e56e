using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Which address counts as the client's, and that no address is ever written.
public sealed class ClientAddressTests : ChatTest
{
    private static readonly IPAddress Proxy = IPAddress.Loopback;

    private void Use(params (string Key, string Value)[] settings) =>
        App = ChatApp.OnSharedRedis(settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    private async Task<Youth> From(IPAddress peer, string? forwardedFor = null) =>
        Own(new Youth(await App.ConnectAsync("/hubs/youth", new HubClientOptions { PeerAddress = peer, ForwardedFor = forwardedFor })));

    // One start per client: a second start shows whether two connections were the same client.
    [Fact]
    public async Task AForwardedForFromAPeerNobodyTrustsDoesNotChangeTheClient()
    {
        Use(("Abuse:StartsPerClient", "1"));
        (await (await From(Proxy, "203.0.113.1")).Start()).Value();
        (await (await From(Proxy, "203.0.113.2")).Start()).Refused("slow-down");
    }

    [Fact]
    public async Task AForwardedForFromATrustedProxyNamesTheClient()
    {
        Use(("Abuse:StartsPerClient", "1"), ("Privacy:TrustedProxies:0", "127.0.0.1"));
        (await (await From(Proxy, "203.0.113.1")).Start()).Value();
        (await (await From(Proxy, "203.0.113.2")).Start()).Value();
        (await (await From(Proxy, "203.0.113.1")).Start()).Refused("slow-down");
        // Another peer is not the proxy: what it forwards is ignored, so it is one client however it varies the header.
        (await (await From(IPAddress.Parse("198.51.100.5"), "203.0.113.3")).Start()).Value();
        (await (await From(IPAddress.Parse("198.51.100.5"), "203.0.113.4")).Start()).Refused("slow-down");
    }

    [Fact]
    public async Task NoAddressIsWrittenToRedis()
    {
        Use(("Abuse:StartsPerClient", "2"), ("Abuse:MessagesPerConversation", "2"), ("Privacy:TrustedProxies:0", "127.0.0.1"));
        var counsellor = Own(await Counsellor.SignIn(App, "ulla"));
        (await counsellor.GoOnDuty(3)).Value();
        var youths = new[] { await From(Proxy), await From(IPAddress.IPv6Loopback), await From(Proxy, "203.0.113.77") };
        foreach (var youth in youths)
        {
            (await youth.Start()).Value();
            var id = (await counsellor.Snapshot()).Value().Waiting.Single().ConversationId;
            (await counsellor.Take(id)).Value();
            await youth.Next("joined");
            (await youth.Send("hej")).Value();
            (await youth.Send("igen")).Value();
            (await youth.Send("för mycket")).Refused("slow-down");
            (await counsellor.Call<object?>("Block", id)).Value();
        }
        (await (await From(Proxy)).Start()).Refused("blocked");
        (await (await From(Proxy, "203.0.113.78")).Resume(new string('A', 22))).Refused("unknown-conversation");

        var keys = RedisHolds.Keys(App).Select(k => App.KeyPrefix + k).ToList();
        Assert.Contains(keys, k => k.Contains(":block:"));
        Assert.Contains(keys, k => k.Contains(":flood:start:"));
        foreach (var address in (string[])["127.0.0.1", "::1", "203.0.113.", "0:0:0:0:0:0:0:1"])
            await RedisHolds.Nowhere(App, address);
    }
}
