namespace Chat.Server.Conversations;

// Never message text, tokens, addresses or anything that could point at a young person.
public static partial class ConversationLog
{
    [LoggerMessage(1, LogLevel.Error, "Hub method {Method} failed with {ExceptionType}")]
    public static partial void HubMethodFailed(ILogger logger, string method, string exceptionType);

    [LoggerMessage(2, LogLevel.Information, "A young person joined the queue")]
    public static partial void Queued(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "A counsellor took a waiting chat")]
    public static partial void Taken(ILogger logger);

    [LoggerMessage(4, LogLevel.Information, "A conversation ended ({EndedBy})")]
    public static partial void Ended(ILogger logger, string endedBy);
}
