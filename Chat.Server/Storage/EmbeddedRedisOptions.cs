namespace Chat.Server.Storage;

// Settings for the Garnet server the service starts itself when no Redis is configured.
public sealed class EmbeddedRedisOptions
{
    // Relative paths resolve against the current directory, so `ops/run.sh` keeps data in the repo's .chat-data/.
    public string DataDirectory { get; set; } = ".chat-data/garnet";

    // 0 picks a free loopback port at start.
    public int Port { get; set; }

    // Covers `dotnet tool restore` too, which downloads Garnet on a fresh machine.
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
