using Chat.Server.Conversations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Storage;

// The one connection multiplexer. Started before the web server listens; with no
// configured Redis it first starts the embedded Garnet server.
public sealed class RedisConnection(IOptions<RedisOptions> options, ILoggerFactory loggers) : IHostedLifecycleService, IAsyncDisposable
{
    private EmbeddedRedis? _embedded;
    private ConnectionMultiplexer? _multiplexer;

    public RedisKeys Keys { get; } = new(options.Value.KeyPrefix);

    public IDatabase Database =>
        _multiplexer?.GetDatabase() ?? throw new ChatError("unavailable", "The service is starting.");

    public ConnectionMultiplexer? Multiplexer => _multiplexer;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var configuration = options.Value.Configuration;
        if (string.IsNullOrWhiteSpace(configuration))
        {
            _embedded = await EmbeddedRedis.StartAsync(options.Value.Embedded, loggers.CreateLogger<EmbeddedRedis>(), cancellationToken);
            configuration = _embedded.Endpoint;
        }

        var config = ConfigurationOptions.Parse(configuration);
        // Keep running while Redis is away and reconnect by itself; /healthz reports the gap.
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = 5000;
        config.SyncTimeout = 5000;
        _multiplexer = await ConnectionMultiplexer.ConnectAsync(config);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        var multiplexer = Interlocked.Exchange(ref _multiplexer, null);
        if (multiplexer is not null)
        {
            await multiplexer.CloseAsync(allowCommandsToComplete: false);
            multiplexer.Dispose();
        }
        var embedded = Interlocked.Exchange(ref _embedded, null);
        if (embedded is not null) await embedded.DisposeAsync();
    }
}
