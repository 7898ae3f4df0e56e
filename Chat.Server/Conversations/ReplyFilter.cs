using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Conversations;

// Turns refusals into failed replies, and anything unexpected into "server-error"
// without echoing arguments or exception text to the caller or the log.
public sealed class ReplyFilter(ILogger<ReplyFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (ChatError refusal)
        {
            return Reply.Fail(refusal.Code, refusal.Message, refusal.RetryAfter);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException)
        {
            return Reply.Fail("unavailable", "The service cannot reach its storage right now. Try again in a moment.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConversationLog.HubMethodFailed(logger, invocationContext.HubMethodName, ex.GetType().Name);
            return Reply.Fail("server-error", "Something went wrong on the server. Try again.");
        }
    }
}
