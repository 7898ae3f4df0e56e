using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.TestHost;

namespace Chat.Tests.Support;

// Lets the official HubConnection run without the transports package (absent from our registry):
// it opens a WebSocket straight on the hub path, skipping negotiate, which ASP.NET Core accepts.
public sealed class WebSocketConnectionFactory(Func<Uri, CancellationToken, Task<WebSocket>> openSocket) : IConnectionFactory
{
    volatile WebSocketConnection? latest;

    public static WebSocketConnectionFactory ForTestServer(TestServer server, IReadOnlyDictionary<string, string>? headers = null, IPAddress? peer = null) =>
        new((uri, cancel) =>
        {
            var client = server.CreateWebSocketClient();
            client.ConfigureRequest = request =>
            {
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                    request.Headers[name] = value;
                if (peer is not null) request.HttpContext.Connection.RemoteIpAddress = peer;
            };
            return client.ConnectAsync(uri, cancel);
        });

    public static WebSocketConnectionFactory ForNetwork(IReadOnlyDictionary<string, string>? headers = null) =>
        new(async (uri, cancel) =>
        {
            var socket = new ClientWebSocket();
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                socket.Options.SetRequestHeader(name, value);
            try
            {
                await socket.ConnectAsync(uri, cancel);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        });

    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        if (endpoint is not UriEndPoint { Uri: var uri })
            throw new ArgumentException($"expected a UriEndPoint, got {endpoint.GetType().Name}", nameof(endpoint));
        var socket = await openSocket(ToWebSocketUri(uri), cancellationToken);
        return latest = new WebSocketConnection(socket);
    }

    // Simulates a network failure under the HubConnection: the socket dies without a close handshake.
    public void DropLatest() => latest?.Abort();

    public static Uri ToWebSocketUri(Uri uri) => new UriBuilder(uri)
    {
        Scheme = uri.Scheme switch
        {
            "http" or "ws" => "ws",
            "https" or "wss" => "wss",
            _ => throw new ArgumentException($"cannot open a WebSocket on {uri}", nameof(uri)),
        },
    }.Uri;
}
