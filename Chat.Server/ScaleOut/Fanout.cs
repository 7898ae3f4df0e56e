using System.Text.Json;
using System.Threading.Channels;
using Chat.Server.Conversations;
using Chat.Server.Staff;
using Chat.Server.Storage;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using static Chat.Server.ScaleOut.Delivery;

namespace Chat.Server.ScaleOut;

// Every hub push goes through one Redis pub/sub channel, so a young person on one node and a
// counsellor on another hear each other. Every node receives every batch and delivers the parts
// for connections it holds (sending to a connection or user a node does not hold is a no-op).
// Batches are delivered one at a time, in the order Redis published them.
public sealed class Fanout(RedisConnection redis, IHubContext<YouthHub> youth, IHubContext<StaffHub> staff, ILogger<Fanout> logger)
    : BackgroundService
{
    private readonly Channel<RedisValue> _received = Channel.CreateUnbounded<RedisValue>(new() { SingleReader = true });

    // Best effort: what is published has already been stored, so a failed push must not turn a
    // stored message into an error for its sender. Clients catch up by seq when they resume.
    public async Task Publish(IEnumerable<Delivery> deliveries)
    {
        var batch = deliveries.ToList();
        if (batch.Count == 0) return;
        try
        {
            await redis.Multiplexer!.GetSubscriber().PublishAsync(redis.Keys.Fanout, JsonSerializer.Serialize(batch, Delivery.Json));
        }
        catch (RedisException ex)
        {
            FanoutLog.PublishFailed(logger, ex.GetType().Name);
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.Multiplexer!.GetSubscriber().SubscribeAsync(redis.Keys.Fanout, (_, value) => _received.Writer.TryWrite(value));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var value in _received.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                foreach (var delivery in JsonSerializer.Deserialize<Delivery[]>((string)value!, Delivery.Json)!)
                    await Deliver(delivery);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                FanoutLog.DeliveryFailed(logger, ex.GetType().Name);
            }
        }
    }

    private Task Deliver(Delivery delivery)
    {
        IHubClients clients = delivery.Hub == "youth" ? youth.Clients : staff.Clients;
        var proxy = delivery.To switch
        {
            "connection" => clients.Client(delivery.Targets[0]),
            "user" => clients.Group(UserGroup(delivery.Targets[0])),
            _ => clients.Groups(delivery.Targets.Select(UserGroup).ToList()),
        };
        return proxy.SendCoreAsync(delivery.Method, delivery.Payload is { } payload ? [payload] : []);
    }

    // The subscription ends when RedisConnection closes the multiplexer.
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _received.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }
}

public static partial class FanoutLog
{
    [LoggerMessage(1, LogLevel.Warning, "A fan-out batch could not be delivered ({ExceptionType})")]
    public static partial void DeliveryFailed(ILogger logger, string exceptionType);

    [LoggerMessage(2, LogLevel.Warning, "A fan-out batch could not be published ({ExceptionType})")]
    public static partial void PublishFailed(ILogger logger, string exceptionType);
}
