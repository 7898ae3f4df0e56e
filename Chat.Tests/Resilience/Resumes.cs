using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Resilience;

// When a client had caught up again after its connection came back, as Stopwatch timestamps, so a test can
// measure from the moment it broke something.
public sealed class Resumes(string side, HubConnection connection)
{
    readonly Channel<long> done = Channel.CreateUnbounded<long>();

    // Runs the catch-up the way a page's onreconnected handler does: in the background, reporting when it finished.
    public void Run(Func<Task> catchUp) => _ = Task.Run(async () =>
    {
        try
        {
            await catchUp();
            done.Writer.TryWrite(Stopwatch.GetTimestamp());
        }
        catch (Exception e)
        {
            done.Writer.TryComplete(e);
        }
    });

    public async Task<long> Next(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await done.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // "Connected" here means the connection never dropped: the client was not on the node that went away.
            throw new TimeoutException($"the {side} did not reconnect and catch up within {timeout.TotalSeconds} s (connection {connection.State})");
        }
    }
}
