using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Support;

// Keeps every event of one name, in order, from the moment it is created:
// create it before the action that should cause the event.
public sealed class EventRecorder<T> : IDisposable
{
    readonly HubConnection connection;
    readonly Channel<T> unread = Channel.CreateUnbounded<T>();
    readonly List<T> received = [];
    readonly IDisposable subscription;

    internal EventRecorder(HubConnection connection, string eventName, Type[] argumentTypes, Func<object?[], T> read)
    {
        this.connection = connection;
        EventName = eventName;
        subscription = connection.On(eventName, argumentTypes, arguments =>
        {
            var item = read(arguments);
            lock (received) received.Add(item);
            unread.Writer.TryWrite(item);
            return Task.CompletedTask;
        });
    }

    public string EventName { get; }

    public IReadOnlyList<T> Received
    {
        get { lock (received) return [.. received]; }
    }

    public async Task<T> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await unread.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"no '{EventName}' event within {HubEvents.Seconds(timeout)} s ({Context()})");
        }
    }

    public async Task<IReadOnlyList<T>> NextAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var items = new List<T>(count);
        try
        {
            while (items.Count < count)
                items.Add(await NextAsync(Max(deadline - DateTime.UtcNow, TimeSpan.Zero)));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"only {items.Count} of {count} '{EventName}' events within {HubEvents.Seconds(timeout)} s ({Context()})");
        }
        return items;
    }

    // For "must not arrive" checks: fails if any unread event shows up within the window.
    public async Task ExpectNoneAsync(TimeSpan window)
    {
        using var cancel = new CancellationTokenSource(window);
        try
        {
            var item = await unread.Reader.ReadAsync(cancel.Token);
            throw new InvalidOperationException($"expected no '{EventName}' event within {HubEvents.Seconds(window)} s, got {item}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => subscription.Dispose();

    string Context() => $"connection {connection.State}, {Received.Count} received so far";

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
