using System.Security.Claims;
using Chat.Server.Conversations;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Staff;

// Ties each staff hub connection to its sign-in session: registered by session id while it is open (StaffConnections
// closes it when the session ends anywhere), and every call refused once the session has ended or passed its expiry.
// The per-call check is in memory only; Redis is asked once, when the connection opens.
public sealed class StaffSessionGuard(StaffConnections connections, StaffSessions sessions, TimeProvider clock) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var user = context.Context.User;
        var id = SessionOf(user);
        connections.Add(id, context.Context);
        // Registered first, then checked: a sign-out announced in between is caught by one or the other.
        if (!await sessions.IsLive(id, user?.Identity?.Name))
        {
            connections.Remove(id, context.Context);
            context.Context.Abort();
            return;
        }
        await next(context);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = invocationContext.Context;
        var id = SessionOf(caller.User);
        if (!connections.HasEnded(id) && !StaffClaims.HasExpired(caller.User, clock.GetUtcNow())) return next(invocationContext);
        caller.Abort();
        throw new ChatError("session-ended", "This sign-in has ended. Sign in again.");
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(SessionOf(context.Context.User), context.Context);
        return next(context, exception);
    }

    private static string SessionOf(ClaimsPrincipal? user) => user?.FindFirst(StaffClaims.Session)?.Value ?? "";
}
