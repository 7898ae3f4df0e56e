// TEMPORARY placeholder until the infra branch lands.
namespace Chat.Server.Storage;
public sealed class EmbeddedRedisOptions { public string DataDirectory { get; set; } = ".chat-data/garnet"; public int Port { get; set; } public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60); }
public sealed class EmbeddedRedis : IAsyncDisposable
{
    public string Endpoint { get; } = "";
    public static Task<EmbeddedRedis> StartAsync(EmbeddedRedisOptions options, ILogger logger, CancellationToken ct) => throw new InvalidOperationException("placeholder");
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
