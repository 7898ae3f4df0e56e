namespace Chat.Server.Privacy;

// Flood limits and blocks, counted per client key (a keyed hash of the address) in fixed windows.
public sealed class AbuseOptions
{
    // Chats started, and resumes with a token nobody has, per client.
    public int StartsPerClient { get; set; } = 5;

    public TimeSpan StartWindow { get; set; } = TimeSpan.FromMinutes(10);

    // A young person's messages, per conversation and per client.
    public int MessagesPerConversation { get; set; } = 30;

    public int MessagesPerClient { get; set; } = 30;

    public TimeSpan MessageWindow { get; set; } = TimeSpan.FromMinutes(1);

    // How long a counsellor's block refuses new chats from the same client; the key rotation may end it sooner.
    public TimeSpan BlockFor { get; set; } = TimeSpan.FromHours(24);
}
