using Chat.Server.Conversations;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Queue;

// Every node, now and then: young people who dropped off while waiting and did not come back
// within the grace period leave the queue, so no counsellor takes a chat nobody is in.
// Several nodes sweeping at once is harmless: the Abandon script decides once per conversation.
public sealed class QueueJanitor(
    RedisConnection redis, QueueBroadcaster queue, Handover.HandoverDesk desk, IOptions<QueueOptions> options,
    IOptions<ConversationOptions> conversations, Counters counters, TimeProvider clock, ILogger<QueueJanitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await Sweep() > 0) queue.Request();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                QueueLog.SweepFailed(logger, ex.GetType().Name);
            }
        }
    }

    public async Task<int> Sweep()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var overdue = await redis.Database.SortedSetRangeByScoreAsync(redis.Keys.QueueAway,
            stop: now - (long)options.Value.Grace.TotalMilliseconds, take: 100);
        var left = 0;
        foreach (var value in overdue)
        {
            var id = (string)value!;
            var tokenHash = (string?)await redis.Database.HashGetAsync(redis.Keys.Conversation(id), "token") ?? "";
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(QueueScripts.Abandon,
                [redis.Keys.Conversation(id), redis.Keys.Queue, redis.Keys.QueueAway, redis.Keys.Token(tokenHash), counters.TodayKey],
                [id, now, (long)conversations.Value.RetentionAfterEnd.TotalMilliseconds, redis.Keys.Prefix, counters.RetentionMs]))!;
            if ((int)result[0] == 0) continue;
            left++;
            if ((string)result[1]! is { Length: > 0 } service) await desk.Broadcast(service);
        }
        if (left > 0) QueueLog.LeftAfterGrace(logger, left);
        return left;
    }
}
