using System.Reflection;
using Chat.Server.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Staff;

// The staff hub admits every staff role, so a method that forgot to name its roles would be open to all of them:
// such a method is refused for everyone instead. SignalR has already checked the method's own roles.
// The answer per method is fixed when the code is built, so it is looked up once per method, not on every call.
public sealed class StaffMethodGuard : IHubFilter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, bool> _namesRoles = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
        _namesRoles.GetOrAdd(invocationContext.HubMethod, method => method.GetCustomAttribute<AuthorizeAttribute>() is { Roles.Length: > 0 })
            ? next(invocationContext)
            : throw new ChatError("forbidden", "This method is not open to anyone.");
}
