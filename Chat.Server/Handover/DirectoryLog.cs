namespace Chat.Server.Handover;

// Never names a service's contact details or who changed what: counts and kinds only.
public static partial class DirectoryLog
{
    [LoggerMessage(1, LogLevel.Information, "The service directory was seeded with {Count} services")]
    public static partial void Seeded(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Information, "The service directory already exists; not seeded")]
    public static partial void AlreadySeeded(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Seeding the service directory failed ({ErrorType}); trying again")]
    public static partial void SeedFailed(ILogger logger, string errorType);

    [LoggerMessage(4, LogLevel.Information, "A coordinator changed the service directory ({Change})")]
    public static partial void Changed(ILogger logger, string change);
}
