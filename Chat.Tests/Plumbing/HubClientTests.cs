using Chat.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Plumbing;

// The same sentences hold in memory and over a real socket; each subclass picks the server.
public abstract class HubClientTests : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    protected EchoApp App { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    Task<HubConnection> ConnectAsync(HubClientOptions? options = null) => App.ConnectAsync(EchoApp.HubPath, options);

    [Fact]
    public async Task HubConnectionInvokesAndGetsTheReturnValue()
    {
        await using var client = await ConnectAsync();

        Assert.Equal("hei", await client.InvokeAsync<string>("Echo", "hei").Within(Timeout));
    }

    [Fact]
    public async Task ServerPushReachesTheRecorderInOrder()
    {
        await using var client = await ConnectAsync();
        using var pushed = client.Record<string>("Pushed");

        foreach (var text in new[] { "one", "two", "three" })
            await client.InvokeAsync("Push", text).Within(Timeout);

        Assert.Equal(["one", "two", "three"], await pushed.NextAsync(3, Timeout));
        await pushed.ExpectNoneAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task NextFailsFastNamingTheMissingEvent()
    {
        await using var client = await ConnectAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.Next<string>("Pushed", TimeSpan.FromMilliseconds(200)));

        Assert.StartsWith("no 'Pushed' event within 0.2 s", error.Message);
    }

    [Fact]
    public async Task CookieHeaderAuthenticatesTheConnection()
    {
        var cookie = await App.SignInAsync("kari");
        await using var staff = await ConnectAsync(new() { Cookie = cookie });
        await using var anonymous = await ConnectAsync();

        Assert.Equal("kari", await staff.InvokeAsync<string>("WhoAmI").Within(Timeout));
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<string>("WhoAmI").Within(Timeout));
    }

    [Fact]
    public async Task OriginHeaderReachesTheServer()
    {
        await using var client = await ConnectAsync(new() { Origin = "https://chat.example" });

        Assert.Equal("https://chat.example", await client.InvokeAsync<string>("Origin").Within(Timeout));
    }

    [Fact]
    public async Task ServerAbortClosesTheClient()
    {
        await using var client = await ConnectAsync();
        var closed = client.WhenClosed(Timeout);

        await client.SendAsync("Hangup").Within(Timeout);

        await closed;
        Assert.Equal(HubConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task DroppedTransportClosesTheClientWithAnError()
    {
        await using var client = await ConnectAsync();
        var closed = client.WhenClosed(Timeout);

        client.DropTransport();

        Assert.NotNull(await closed);
    }

    [Fact]
    public async Task DroppedTransportIsFollowedByAutomaticReconnect()
    {
        await using var client = await ConnectAsync(new() { AutomaticReconnect = true });
        var reconnected = client.WhenReconnected(Timeout);

        client.DropTransport();

        await reconnected;
        Assert.Equal("back", await client.InvokeAsync<string>("Echo", "back").Within(Timeout));
    }

    [Fact]
    public async Task ClientDisposeEndsTheServerConnectionCleanly()
    {
        var client = await ConnectAsync();

        await client.DisposeAsync().AsTask().Within(Timeout);

        Assert.Null(await App.Log.Disconnected.Reader.ReadAsync().AsTask().Within(Timeout));
    }
}

public sealed class HubClientOverTestServerTests : HubClientTests;

public sealed class HubClientOverKestrelTests : HubClientTests
{
    public override Task InitializeAsync()
    {
        App.StartOnLoopback();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ClientWebSocketConnectsByBaseUri()
    {
        var baseUri = App.ClientOptions.BaseAddress;
        await using var client = await HubClients.ConnectAsync(baseUri, EchoApp.HubPath);

        Assert.Equal("127.0.0.1", baseUri.Host);
        Assert.Equal("hei", await client.InvokeAsync<string>("Echo", "hei").Within(Timeout));
    }
}
