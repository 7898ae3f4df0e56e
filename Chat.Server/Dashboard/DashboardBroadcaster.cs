using System.Collections.Concurrent;
using Chat.Server.Conversations;
using Chat.Server.Staff;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Chat.Server.Dashboard;

// Sends the floor to the dashboards watching on this node, every DashboardOptions.RefreshEvery and at once after a
// coordinator acts. Each node serves its own watchers from Redis, so nothing crosses the fan-out; a node nobody
// watches on reads nothing. It also remembers which chat each of this node's connections follows silently, so a
// closed dashboard (a closed tab, a lost network, a sign-out) gives the seat up and the counsellor is told.
public sealed class DashboardBroadcaster(
    Overview overview, Observers observers, Relay relay, IHubContext<StaffHub, IStaffClient> hub, IOptions<DashboardOptions> options,
    ILogger<DashboardBroadcaster> logger)
    : BackgroundService, IHubFilter
{
    public const string Group = "dashboard";

    private readonly ConcurrentDictionary<string, bool> _watchers = new();
    private readonly ConcurrentDictionary<string, (string ConversationId, string User)> _following = new();
    private readonly SemaphoreSlim _wake = new(0);

    public async Task<DashboardState> Watch(HubCallerContext caller, IGroupManager groups)
    {
        await groups.AddToGroupAsync(caller.ConnectionId, Group);
        _watchers[caller.ConnectionId] = true;
        return await overview.Read();
    }

    public void Request() => _wake.Release();

    // The chat this connection follows now (null: none).
    public void Follows(HubCallerContext caller, string? conversationId)
    {
        if (conversationId is null) _following.TryRemove(caller.ConnectionId, out _);
        else _following[caller.ConnectionId] = (conversationId, caller.UserIdentifier!);
    }

    // Registered as a staff hub filter: a closed connection stops counting as a watcher, and gives up its seat.
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _watchers.TryRemove(context.Context.ConnectionId, out _);
        if (_following.TryRemove(context.Context.ConnectionId, out var followed))
        {
            try
            {
                var seat = await observers.Leave(followed.ConversationId, followed.User);
                await relay.ToStaff(seat.Staff, nameof(IStaffClient.ObserverChanged), new ObserverChangedEvent(followed.ConversationId, null));
            }
            catch (Exception ex) when (ex is ChatError or StackExchange.Redis.RedisException)
            {
                // Gone, ended, or already given up elsewhere: nothing to release.
            }
        }
        await next(context, exception);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _wake.WaitAsync(options.Value.RefreshEvery, stoppingToken);
            while (_wake.CurrentCount > 0) await _wake.WaitAsync(stoppingToken);
            if (_watchers.IsEmpty) continue;
            try
            {
                await hub.Clients.Group(Group).DashboardChanged(await overview.Read());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                DashboardLog.RefreshFailed(logger, ex.GetType().Name);
            }
        }
    }
}

public static partial class DashboardLog
{
    [LoggerMessage(1, LogLevel.Warning, "The dashboard could not be refreshed ({ExceptionType})")]
    public static partial void RefreshFailed(ILogger logger, string exceptionType);

    // The action only: never which chat, nor who.
    [LoggerMessage(2, LogLevel.Information, "A coordinator {Action}")]
    public static partial void CoordinatorActed(ILogger logger, string action);
}
