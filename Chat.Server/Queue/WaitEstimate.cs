namespace Chat.Server.Queue;

// What is known right now about how fast the queue moves: free and total places over the
// counsellors on duty, and the recent average time from taken to ended.
// OnDuty (who is on duty, read fresh) rides along: a queue broadcast goes to them.
public sealed record QueueOutlook(int FreeCapacity, int TotalCapacity, TimeSpan AverageHandling, IReadOnlyList<string> OnDuty)
{
    public int? EstimatedWaitSeconds(int position) => WaitEstimate.Seconds(position, FreeCapacity, TotalCapacity, AverageHandling);
}

// A rough, honest estimate: no clock and no Redis, so it can be checked by hand.
public static class WaitEstimate
{
    // Each ended conversation moves the stored average this fraction (1/n) of the way to its own duration,
    // so the estimate follows the last several conversations rather than all of history.
    public const int AverageOver = 5;

    // Null when nobody is on duty: there is no honest number to give. The first in turn take the free
    // places at once (0 = "soon"); the rest wait for places to free up, which happens about
    // totalCapacity times per average conversation.
    public static int? Seconds(int position, int freeCapacity, int totalCapacity, TimeSpan averageHandling)
    {
        if (totalCapacity <= 0) return null;
        var stillAhead = Math.Max(1, position) - Math.Max(0, freeCapacity);
        if (stillAhead <= 0) return 0;
        var seconds = Math.Ceiling(stillAhead * Math.Max(0, averageHandling.TotalSeconds) / totalCapacity);
        return (int)Math.Min(seconds, int.MaxValue);
    }
}
