using System.IO.Pipelines;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Chat.Tests.Support;

// A WebSocket seen as a ConnectionContext: HubConnection reads and writes Transport,
// two pumps move the bytes to and from the socket.
public sealed class WebSocketConnection : ConnectionContext
{
    static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    readonly WebSocket socket;
    readonly Pipe incoming = new();
    readonly Pipe outgoing = new();
    readonly CancellationTokenSource closed = new();
    readonly Task pumps;
    int disposed;

    public WebSocketConnection(WebSocket socket)
    {
        this.socket = socket;
        Transport = new DuplexPipe(incoming.Reader, outgoing.Writer);
        ConnectionClosed = closed.Token;
        pumps = PumpAsync();
    }

    public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("n");
    public override IFeatureCollection Features { get; } = new FeatureCollection();
    public override IDictionary<object, object?> Items { get; set; } = new ConnectionItems();
    public override IDuplexPipe Transport { get; set; }

    public override void Abort(ConnectionAbortedException abortReason) => socket.Abort();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        // Stopping the sender starts the close handshake; the receiver ends when the server answers it.
        outgoing.Reader.CancelPendingRead();
        if (await Task.WhenAny(pumps, Task.Delay(CloseHandshakeTimeout)) != pumps)
        {
            socket.Abort();
            await pumps;
        }
        socket.Dispose();
        await incoming.Reader.CompleteAsync();
        await outgoing.Writer.CompleteAsync();
        closed.Dispose();
    }

    async Task PumpAsync()
    {
        await Task.WhenAll(ReceiveAsync(), SendAsync());
        await closed.CancelAsync();
    }

    async Task ReceiveAsync()
    {
        Exception? error = null;
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(incoming.Writer.GetMemory(4096), CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    error = UnexpectedClose();
                    break;
                }
                incoming.Writer.Advance(received.Count);
                var flushed = await incoming.Writer.FlushAsync();
                if (flushed.IsCompleted) break;
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        await incoming.Writer.CompleteAsync(error);
        // Let the sender answer the server's close, or give up if the socket is gone.
        outgoing.Reader.CancelPendingRead();
    }

    async Task SendAsync()
    {
        Exception? error = null;
        try
        {
            while (true)
            {
                var read = await outgoing.Reader.ReadAsync();
                if (read.IsCanceled) break;
                var remaining = read.Buffer.Length;
                foreach (var segment in read.Buffer)
                {
                    remaining -= segment.Length;
                    await socket.SendAsync(segment, WebSocketMessageType.Text, remaining == 0, CancellationToken.None);
                }
                outgoing.Reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) break;
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        await CloseOutputAsync();
        await outgoing.Reader.CompleteAsync(error);
    }

    async Task CloseOutputAsync()
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    // A normal close reads as a clean end; anything else reaches HubConnection.Closed as an error.
    WebSocketException? UnexpectedClose() =>
        socket.CloseStatus is null or WebSocketCloseStatus.NormalClosure
            ? null
            : new WebSocketException($"server closed the WebSocket: {socket.CloseStatus} {socket.CloseStatusDescription}");

    sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
