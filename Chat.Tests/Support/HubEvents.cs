using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Support;

// Awaiting hub events and calls with a deadline, so a lost message fails fast and says which one.
public static class HubEvents
{
    public static EventRecorder<T> Record<T>(this HubConnection connection, string eventName) =>
        new(connection, eventName, [typeof(T)], arguments => (T)arguments[0]!);

    // For events with zero or several arguments: each item holds the arguments in order.
    public static EventRecorder<object?[]> Record(this HubConnection connection, string eventName, params Type[] argumentTypes) =>
        new(connection, eventName, argumentTypes, arguments => arguments);

    // Subscribes at once, so call it before the action and await it after.
    public static async Task<T> Next<T>(this HubConnection connection, string eventName, TimeSpan timeout)
    {
        using var recorder = connection.Record<T>(eventName);
        return await recorder.NextAsync(timeout);
    }

    public static Task<Exception?> WhenClosed(this HubConnection connection, TimeSpan timeout)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return OrFail(closed.Task, timeout, $"the connection did not close within {Seconds(timeout)} s");
    }

    public static Task<string?> WhenReconnected(this HubConnection connection, TimeSpan timeout)
    {
        var reconnected = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnected += connectionId =>
        {
            reconnected.TrySetResult(connectionId);
            return Task.CompletedTask;
        };
        return OrFail(reconnected.Task, timeout, $"the connection did not reconnect within {Seconds(timeout)} s");
    }

    public static Task<T> Within<T>(this Task<T> task, TimeSpan timeout, [CallerArgumentExpression(nameof(task))] string what = "") =>
        OrFail(task, timeout, $"{what} did not complete within {Seconds(timeout)} s");

    public static async Task Within(this Task task, TimeSpan timeout, [CallerArgumentExpression(nameof(task))] string what = "")
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"{what} did not complete within {Seconds(timeout)} s");
        }
    }

    // Asks until the answer is true, each ask and the whole wait bounded by ChatApp.Timeout.
    public static Task Eventually(Func<Task<bool>> condition, string what) => Eventually(condition, done => done, what);

    // Reads until the value is done and returns it; a failure says what was awaited (and the last value, if shown).
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, string what, Func<T, string>? shown = null)
    {
        var deadline = DateTime.UtcNow + ChatApp.Timeout;
        while (true)
        {
            var value = await read().Within(ChatApp.Timeout, what);
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"not within {Seconds(ChatApp.Timeout)} s: {what}" + (shown is null ? "" : $": {shown(value)}"));
            await Task.Delay(50);
        }
    }

    static async Task<T> OrFail<T>(Task<T> task, TimeSpan timeout, string failure)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException(failure);
        }
    }

    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
