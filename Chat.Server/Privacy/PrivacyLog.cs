namespace Chat.Server.Privacy;

// Never an address, a client hash, a token, an id or a name: only that something happened.
public static partial class PrivacyLog
{
    [LoggerMessage(1, LogLevel.Information, "A client was asked to slow down ({What})")]
    public static partial void SlowedDown(ILogger logger, string what);

    [LoggerMessage(2, LogLevel.Information, "A blocked client was refused a new chat")]
    public static partial void BlockedStart(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "A counsellor ended and blocked a chat")]
    public static partial void ChatBlocked(ILogger logger);

    [LoggerMessage(4, LogLevel.Information, "A request from a foreign origin was refused ({Where})")]
    public static partial void ForeignOrigin(ILogger logger, string where);
}
