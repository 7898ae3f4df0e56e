using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Chat.Tests.Support;

// What a page received over the network, as Chromium counts it (its DevTools protocol, on a session of our own).
// An HTTP response counts its encodedDataLength: the bytes that came over the wire, status line and headers
// included, body still compressed. A WebSocket counts its upgrade response (status line and headers) and every
// frame it received (payload plus the 2-byte header of a small unmasked frame); Chromium reports no byte count
// of its own for those.
public sealed class NetworkLog
{
    public sealed record Transfer(string Url, string Type, long Bytes);

    private readonly ConcurrentDictionary<string, (string Url, string Type)> _requests = new();
    private readonly ConcurrentDictionary<string, Transfer> _finished = new();
    private readonly ConcurrentDictionary<string, long> _webSockets = new();
    private readonly ConcurrentDictionary<string, string> _webSocketUrls = new();
    private readonly ConcurrentQueue<string> _started = new();

    private NetworkLog(ICDPSession session) => Session = session;

    // The session the log listens on; a test may send it more commands (network emulation).
    public ICDPSession Session { get; }

    // Attach before the page navigates: from here on every request of this page is recorded, none from a cache.
    public static async Task<NetworkLog> Attach(IPage page)
    {
        var log = new NetworkLog(await page.Context.NewCDPSessionAsync(page));
        log.Listen();
        await log.Session.SendAsync("Network.enable");
        await log.Session.SendAsync("Network.setCacheDisabled", new() { ["cacheDisabled"] = true });
        return log;
    }

    // Chromium's emulation of a "Slow 3G"-like network (issue 9): 400 ms latency, 50,000 bytes/s each way. It delays
    // every HTTP request, the WebSocket's upgrade included, but not the frames on an open WebSocket.
    public const int Slow3GLatencyMs = 400;

    public static async Task<NetworkLog> Slow3G(IPage page)
    {
        var log = await Attach(page);
        await log.Session.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false,
            ["latency"] = Slow3GLatencyMs,
            ["downloadThroughput"] = 50_000,
            ["uploadThroughput"] = 50_000,
        });
        return log;
    }

    // Every finished HTTP response and every WebSocket, in the order they started.
    public IReadOnlyList<Transfer> Transfers => _started.Distinct().Select(Finished).OfType<Transfer>().ToList();

    public long TotalBytes => Transfers.Sum(t => t.Bytes);

    // Requests that have started and not yet finished or failed.
    public int Pending => _requests.Keys.Count(id => !_finished.ContainsKey(id));

    public bool AnyWebSocketFrameReceived => _webSockets.Values.Any(bytes => bytes > 0);

    public string Breakdown() => string.Join(Environment.NewLine,
        Transfers.Select(t => $"{t.Bytes,8:N0}  {t.Type,-10} {new Uri(t.Url).PathAndQuery}")
            .Append($"{TotalBytes,8:N0}  total"));

    private Transfer? Finished(string id) =>
        _finished.TryGetValue(id, out var response) ? response
        : _webSockets.TryGetValue(id, out var bytes) ? new Transfer(_webSocketUrls[id], "WebSocket", bytes)
        : null;

    private void Listen()
    {
        Session.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            _requests[Id(e)] = (e!.Value.GetProperty("request").GetProperty("url").GetString()!, Text(e, "type") ?? "Other");
            _started.Enqueue(Id(e));
        };
        Session.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (!_requests.TryGetValue(Id(e), out var request)) return;
            _finished[Id(e)] = new Transfer(request.Url, request.Type, (long)e!.Value.GetProperty("encodedDataLength").GetDouble());
        };
        Session.Event("Network.loadingFailed").OnEvent += (_, e) => _requests.TryRemove(Id(e), out var _);
        Session.Event("Network.webSocketCreated").OnEvent += (_, e) =>
        {
            _webSocketUrls[Id(e)] = Text(e, "url")!;
            _webSockets.TryAdd(Id(e), 0);
            _started.Enqueue(Id(e));
        };
        Session.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) =>
            Add(Id(e), HeaderBytes(e!.Value.GetProperty("response")));
        Session.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
            Add(Id(e), 2 + Encoding.UTF8.GetByteCount(e!.Value.GetProperty("response").GetProperty("payloadData").GetString()!));
    }

    private void Add(string webSocket, long bytes) => _webSockets.AddOrUpdate(webSocket, bytes, (_, sum) => sum + bytes);

    // "HTTP/1.1 101 Switching Protocols\r\n", one "name: value\r\n" per header, and the blank line.
    private static long HeaderBytes(JsonElement response) =>
        $"HTTP/1.1 {response.GetProperty("status").GetInt32()} {response.GetProperty("statusText").GetString()}\r\n".Length
        + response.GetProperty("headers").EnumerateObject().Sum(h => h.Name.Length + 2 + h.Value.GetString()!.Length + 2)
        + 2;

    private static string Id(JsonElement? e) => Text(e, "requestId")!;

    private static string? Text(JsonElement? e, string name) =>
        e!.Value.TryGetProperty(name, out var value) ? value.GetString() : null;
}
