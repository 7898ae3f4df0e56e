namespace Chat.Server.Queue;

public sealed class QueueOptions
{
    // A chat is offered first to counsellors whose skills match; after this long, to anyone on duty.
    public TimeSpan WidenAfter { get; set; } = TimeSpan.FromMinutes(3);

    // What the wait estimate assumes a conversation takes until one has ended (Redis keeps the average after that).
    public TimeSpan AssumedHandlingTime { get; set; } = TimeSpan.FromMinutes(20);
}
