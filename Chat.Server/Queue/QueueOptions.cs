namespace Chat.Server.Queue;

public sealed class QueueOptions
{
    // A chat is offered first to counsellors whose skills match; after this long, to anyone on duty.
    public TimeSpan WidenAfter { get; set; } = TimeSpan.FromMinutes(3);

    // What the wait estimate assumes a conversation takes until one has ended (Redis keeps the average after that).
    public TimeSpan AssumedHandlingTime { get; set; } = TimeSpan.FromMinutes(20);

    // A waiting young person whose connection dropped (a tunnel, a locked phone) keeps their place this long.
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);

    // How often each node looks for places whose grace has run out.
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
