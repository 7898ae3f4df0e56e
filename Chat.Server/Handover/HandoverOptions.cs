namespace Chat.Server.Handover;

public sealed class HandoverOptions
{
    // A pickup code (handover or return) and everything stored with it expire this long after it is issued.
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromDays(14);

    // Wrong codes tried per minute by all callers together; past it every attempt is refused until the minute ends.
    public int CodeFailuresPerMinute { get; set; } = 600;

    // Wrong codes tried by one caller (a connection or a staff member) per 15 minutes.
    public int CodeFailuresPerCaller { get; set; } = 5;

    public static readonly TimeSpan MinCodeLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxCodeLifetime = TimeSpan.FromDays(90);
}
