namespace Chat.Server.Handover;

public static partial class HandoverLog
{
    [LoggerMessage(1, LogLevel.Information, "A counsellor proposed a handover ({Mode})")]
    public static partial void Proposed(ILogger logger, string mode);

    [LoggerMessage(2, LogLevel.Information, "A partner service's member joined a conversation")]
    public static partial void Joined(ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "A young person answered a handover proposal (accepted: {Accepted})")]
    public static partial void Answered(ILogger logger, bool accepted);
}
