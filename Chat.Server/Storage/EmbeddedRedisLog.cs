namespace Chat.Server.Storage;

static partial class EmbeddedRedisLog
{
    [LoggerMessage(1, LogLevel.Information, "Starting embedded Redis (Garnet) on 127.0.0.1:{Port} with data in {DataDirectory}")]
    public static partial void Starting(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(2, LogLevel.Information, "Embedded Redis (Garnet) answers on {Endpoint} after {ElapsedMs} ms")]
    public static partial void Started(ILogger logger, string endpoint, long elapsedMs);

    [LoggerMessage(3, LogLevel.Warning, "Killed stale Garnet process {Pid} left by an earlier run")]
    public static partial void KilledStale(ILogger logger, int pid);

    // Debug only: Garnet's own console output is noise in normal operation.
    [LoggerMessage(4, LogLevel.Debug, "garnet: {Line}")]
    public static partial void GarnetOutput(ILogger logger, string line);

    [LoggerMessage(5, LogLevel.Information, "Stopping embedded Redis (Garnet) on {Endpoint}")]
    public static partial void Stopping(ILogger logger, string endpoint);

    [LoggerMessage(6, LogLevel.Warning, "Garnet on {Endpoint} ignored SIGTERM; killing it")]
    public static partial void Killing(ILogger logger, string endpoint);

    [LoggerMessage(7, LogLevel.Debug, "Restoring dotnet tools in {Directory}")]
    public static partial void RestoringTools(ILogger logger, string directory);
}
