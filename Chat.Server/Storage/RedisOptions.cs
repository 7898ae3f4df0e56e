namespace Chat.Server.Storage;

public sealed class RedisOptions
{
    // Empty means the embedded default: the service starts its own Garnet server.
    public string Configuration { get; set; } = "";

    // Every key and channel starts with this, so several services or tests can share one Redis.
    public string KeyPrefix { get; set; } = "chat:";

    public EmbeddedRedisOptions Embedded { get; set; } = new();
}
