namespace Chat.Server.Conversations;

public sealed class ConversationOptions
{
    // An open conversation (waiting or active) is cut off after this long, as a backstop.
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromHours(12);

    // Everything a conversation left in Redis expires this long after it ends.
    public TimeSpan RetentionAfterEnd { get; set; } = TimeSpan.FromMinutes(15);
}
