using System.Threading.Channels;
using Chat.Server.Conversations;

namespace Chat.Server.Queue;

// After any change to the queue or to duty, tells on-duty counsellors the new queue and each
// waiting young person their place and estimated wait. Requests made while a broadcast runs fold into one more, so a
// burst of arrivals costs a few reads, and broadcasts from this node never overtake each other.
// Free places in a broadcast may be up to a second old (WaitingRoom.Outlook), so one more broadcast follows a little
// over a second after the last request: once the queue is quiet, what everyone was told is true.
public sealed class QueueBroadcaster : BackgroundService
{
    private static readonly TimeSpan Trailing = TimeSpan.FromMilliseconds(1100);
    private readonly WaitingRoom room;
    private readonly Relay relay;
    private readonly ILogger<QueueBroadcaster> logger;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Timer _trailing;

    public QueueBroadcaster(WaitingRoom room, Relay relay, ILogger<QueueBroadcaster> logger)
    {
        (this.room, this.relay, this.logger) = (room, relay, logger);
        _trailing = new Timer(_ => _requests.Writer.TryWrite(true));
    }

    public void Request()
    {
        _requests.Writer.TryWrite(true);
        // A caller still finishing while the host stops (a hub call, a janitor sweep) must not fail on a disposed timer.
        try
        {
            _trailing.Change(Trailing, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public override void Dispose()
    {
        _trailing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var snapshot = await room.Read();
                var outlook = await room.Outlook();
                await relay.Queue(outlook.OnDuty, snapshot, outlook.EstimatedWaitSeconds);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                QueueLog.BroadcastFailed(logger, ex.GetType().Name);
            }
        }
    }
}

public static partial class QueueLog
{
    [LoggerMessage(1, LogLevel.Warning, "Queue broadcast failed with {ExceptionType}")]
    public static partial void BroadcastFailed(ILogger logger, string exceptionType);

    [LoggerMessage(2, LogLevel.Warning, "Looking for waiting places past their grace failed with {ExceptionType}")]
    public static partial void SweepFailed(ILogger logger, string exceptionType);

    [LoggerMessage(3, LogLevel.Information, "{Count} young people left the queue after their connection stayed away past the grace period")]
    public static partial void LeftAfterGrace(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Information, "A young person said they are in danger right now")]
    public static partial void DangerRaised(ILogger logger);
}
