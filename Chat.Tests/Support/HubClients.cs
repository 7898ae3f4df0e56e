using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Support;

public sealed record HubClientOptions
{
    // The raw Cookie header, e.g. ".AspNetCore.Cookies=CfDJ8...".
    public string? Cookie { get; init; }
    public string? Origin { get; init; }
    // In memory only: the client's address as the server's connection sees it (the test server has none by default).
    public IPAddress? PeerAddress { get; init; }
    public string? ForwardedFor { get; init; }
    public bool AutomaticReconnect { get; init; }
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal IReadOnlyDictionary<string, string> Headers()
    {
        var headers = new Dictionary<string, string>();
        if (Cookie is not null) headers["Cookie"] = Cookie;
        if (Origin is not null) headers["Origin"] = Origin;
        if (ForwardedFor is not null) headers["X-Forwarded-For"] = ForwardedFor;
        return headers;
    }
}

// Started HubConnections (JSON protocol) for a hub path, in memory or over the network.
public static class HubClients
{
    // SignalR's default retry waits 0, 2, 10 and 30 s; tests want a dropped connection back at once.
    static readonly TimeSpan[] QuickRetries = [TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    // Remembers which factory made each connection, for DropTransport.
    static readonly ConditionalWeakTable<HubConnection, WebSocketConnectionFactory> Factories = new();

    // Works for both kinds of factory: in memory through its TestServer, or over the socket when it runs Kestrel.
    public static Task<HubConnection> ConnectAsync<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> factory, string hubPath, HubClientOptions? options = null)
        where TEntryPoint : class
    {
        options ??= new();
        return factory.Services.GetRequiredService<IServer>() is TestServer server
            ? StartAsync(WebSocketConnectionFactory.ForTestServer(server, options.Headers(), options.PeerAddress), new Uri(server.BaseAddress, hubPath), options)
            : ConnectAsync(factory.ClientOptions.BaseAddress, hubPath, options);
    }

    public static Task<HubConnection> ConnectAsync(Uri baseUri, string hubPath, HubClientOptions? options = null)
    {
        options ??= new();
        return StartAsync(WebSocketConnectionFactory.ForNetwork(options.Headers()), new Uri(baseUri, hubPath), options);
    }

    // Kills the socket under a connection made here, as a dropped network would; SignalR then reconnects if allowed.
    public static void DropTransport(this HubConnection connection)
    {
        if (!Factories.TryGetValue(connection, out var factory))
            throw new InvalidOperationException("DropTransport only works on connections made by HubClients");
        factory.DropLatest();
    }

    public static HubConnection Build(WebSocketConnectionFactory connections, Uri hubUri, HubClientOptions options)
    {
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton<IConnectionFactory>(connections);
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(hubUri));
        builder.AddJsonProtocol();
        if (options.AutomaticReconnect) builder.WithAutomaticReconnect(QuickRetries);
        var connection = builder.Build();
        Factories.Add(connection, connections);
        return connection;
    }

    static async Task<HubConnection> StartAsync(WebSocketConnectionFactory connections, Uri hubUri, HubClientOptions options)
    {
        var connection = Build(connections, hubUri, options);
        using var timeout = new CancellationTokenSource(options.StartTimeout);
        try
        {
            await connection.StartAsync(timeout.Token);
            return connection;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"could not connect to {hubUri} within {HubEvents.Seconds(options.StartTimeout)} s");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
