using Chat.Server.Conversations;
using StackExchange.Redis;

namespace Chat.Server.Storage;

// Redis may be away while a node starts (the node keeps running and reconnects): start-up work that needs it
// tries again until Redis answers, saying each time why it could not.
public static class RedisRetry
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    // Redis cannot be reached now: its own errors, a timeout, or RedisConnection's refusal while it has no connection.
    public static bool IsUnavailable(Exception e) => e is RedisException or TimeoutException or ChatError { Code: "unavailable" };

    public static async Task UntilAnswered(Func<Task> work, Action<string> failed, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await work();
                return;
            }
            catch (Exception e) when (IsUnavailable(e))
            {
                failed(e.GetType().Name);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }
}
