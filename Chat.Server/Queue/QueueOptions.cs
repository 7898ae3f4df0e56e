namespace Chat.Server.Queue;

public sealed class QueueOptions
{
    // A chat is offered first to counsellors whose skills match; after this long, to anyone on duty.
    public TimeSpan WidenAfter { get; set; } = TimeSpan.FromMinutes(3);
}
