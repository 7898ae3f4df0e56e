using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// A page on another site cannot open the hubs or send the leave beacon in a visitor's browser.
public sealed class OriginCheckTests : ChatTest
{
    private const string Foreign = "https://evil.example";
    private const string Site = "http://localhost"; // the in-memory server's own scheme and host

    private async Task<HttpStatusCode> Negotiate(string hub, string? origin, string cookie = "")
    {
        using var client = App.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hubs/{hub}/negotiate?negotiateVersion=1");
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request).Within(ChatApp.Timeout, "negotiate");
        return response.StatusCode;
    }

    [Theory]
    [InlineData("youth")]
    [InlineData("staff")]
    public async Task NegotiateFromAForeignOriginIsForbidden(string hub)
    {
        await App.CreateStaff("ulla");
        var cookie = await App.SignIn("ulla");
        Assert.Equal(HttpStatusCode.Forbidden, await Negotiate(hub, Foreign, cookie));
        Assert.Equal(HttpStatusCode.Forbidden, await Negotiate(hub, "null", cookie));
        Assert.Equal(HttpStatusCode.OK, await Negotiate(hub, Site, cookie));
        Assert.Equal(HttpStatusCode.OK, await Negotiate(hub, null, cookie));
    }

    [Fact]
    public async Task TheWebSocketHandshakeFromAForeignOriginIsRefused()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => App.ConnectAsync("/hubs/youth", new HubClientOptions { Origin = Foreign }));
        await using var own = await App.ConnectAsync("/hubs/youth", new HubClientOptions { Origin = Site });
        Assert.True((await new Youth(own).Start()).Ok);
    }

    [Fact]
    public async Task AnOriginTheOperatorAllowedIsAdmitted()
    {
        App = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Privacy:AllowedOrigins:0"] = "https://partner.example/" });
        Assert.Equal(HttpStatusCode.OK, await Negotiate("youth", "https://partner.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await Negotiate("youth", Foreign));
    }

    [Fact]
    public async Task TheLeaveBeaconFromAForeignOriginIsForbidden()
    {
        var (youth, counsellor, _) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);
        using var client = App.NewClient();
        using (var foreign = new HttpRequestMessage(HttpMethod.Post, "/youth/leave") { Content = new StringContent(youth.LastToken!) })
        {
            foreign.Headers.Add("Origin", Foreign);
            using var response = await client.SendAsync(foreign).Within(ChatApp.Timeout, "beacon");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        (await youth.Send("fortfarande här")).Value(); // the chat goes on
        using var own = new HttpRequestMessage(HttpMethod.Post, "/youth/leave") { Content = new StringContent(youth.LastToken!) };
        own.Headers.Add("Origin", Site);
        using var ended = await client.SendAsync(own).Within(ChatApp.Timeout, "beacon");
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        await counsellor.Next("ended");
    }
}
