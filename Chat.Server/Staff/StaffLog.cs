namespace Chat.Server.Staff;

// Never a user name, password, session id or address: what happened, and at most a kind or a count.
public static partial class StaffLog
{
    [LoggerMessage(1, LogLevel.Information, "Young people: {YouthUrl}  Counsellors: {StaffUrl}")]
    public static partial void Addresses(ILogger logger, string youthUrl, string staffUrl);

    [LoggerMessage(6, LogLevel.Warning, "Could not yet ask Redis whether a staff account exists ({ExceptionType}); trying again")]
    public static partial void SetupCheckFailed(ILogger logger, string exceptionType);

    [LoggerMessage(2, LogLevel.Warning, "No staff account exists yet. First sign-in: open {SetupUrl} and enter the one-time code from {CodeFile}")]
    public static partial void SetupNeeded(ILogger logger, string setupUrl, string codeFile);

    [LoggerMessage(3, LogLevel.Information, "Staff sign-in failed")]
    public static partial void SignInFailed(ILogger logger);

    [LoggerMessage(4, LogLevel.Information, "The first admin account was created")]
    public static partial void FirstAdminCreated(ILogger logger);

    // The kind only (counsellor, partner, ...): never who made the account or whom it is for.
    [LoggerMessage(5, LogLevel.Information, "An admin created a staff account ({Kind})")]
    public static partial void AccountCreated(ILogger logger, string kind);

    [LoggerMessage(7, LogLevel.Warning, "Staff sign-in refused: too many failed attempts for that user name")]
    public static partial void SignInLocked(ILogger logger);

    // The number only: never whose session it was.
    [LoggerMessage(8, LogLevel.Information, "A staff session ended; closed {Count} staff hub connection(s) on this node")]
    public static partial void SessionConnectionsClosed(ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Information, "An admin changed a staff account's access ({Action})")]
    public static partial void AccessChanged(ILogger logger, string action);

    [LoggerMessage(10, LogLevel.Warning, "Could not check the open staff connections' sessions ({ExceptionType}); trying again later")]
    public static partial void SessionCheckFailed(ILogger logger, string exceptionType);

    [LoggerMessage(11, LogLevel.Warning, "Could not announce ended staff sessions to the other nodes ({ExceptionType}); their session check will close them")]
    public static partial void AnnounceFailed(ILogger logger, string exceptionType);
}
