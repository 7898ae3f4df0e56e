using System.Collections.Concurrent;
using Chat.Server.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Staff;

// This node's staff hub connections by session id. When any node announces that sessions ended (sign-out, a disabled
// account, a reset password), their connections here are aborted and the sessions remembered as ended, so a call
// already on its way is refused too (StaffSessionGuard) without asking Redis.
public sealed class StaffConnections(
    RedisConnection redis, StaffSessions sessions, Microsoft.Extensions.Options.IOptions<StaffOptions> options, ILogger<StaffConnections> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _bySession = new();
    // Ended sessions this node has heard of, with when they may be forgotten (their cookie has expired by then).
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new();

    public void Add(string sessionId, HubCallerContext connection) =>
        _bySession.GetOrAdd(sessionId, _ => new()).TryAdd(connection.ConnectionId, connection);

    public void Remove(string sessionId, HubCallerContext connection)
    {
        if (!_bySession.TryGetValue(sessionId, out var connections)) return;
        connections.TryRemove(connection.ConnectionId, out _);
        if (connections.IsEmpty) _bySession.TryRemove(KeyValuePair.Create(sessionId, connections));
    }

    public bool HasEnded(string sessionId) => _ended.ContainsKey(sessionId);

    // Aborts this node's connections of these sessions.
    public void Ended(IEnumerable<string> sessionIds, DateTimeOffset forgetAfter)
    {
        foreach (var id in sessionIds)
        {
            _ended[id] = forgetAfter;
            if (!_bySession.TryRemove(id, out var connections)) continue;
            foreach (var connection in connections.Values) connection.Abort();
            StaffLog.SessionConnectionsClosed(logger, connections.Count);
        }
        foreach (var (id, until) in _ended) if (until < DateTimeOffset.UtcNow) _ended.TryRemove(id, out _);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var multiplexer = redis.Multiplexer!;
        await multiplexer.GetSubscriber().SubscribeAsync(redis.Keys.SessionsEnded, (_, value) =>
            Ended(((string?)value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.UtcNow.AddDays(1)));
        // Announcements made while this node was cut off from Redis were never heard: ask at once when it is back.
        multiplexer.ConnectionRestored += (_, _) => _ = Check();
        await base.StartAsync(cancellationToken);
    }

    // The subscription ends when RedisConnection closes the multiplexer.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SessionCheckEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await Check();
    }

    // Closes this node's connections whose session no longer stands in Redis (ended, expired, account disabled).
    public async Task Check()
    {
        try
        {
            var open = _bySession.Select(s => (Id: s.Key, User: s.Value.Values.FirstOrDefault()?.User?.Identity?.Name)).ToList();
            var live = await Task.WhenAll(open.Select(s => sessions.IsLive(s.Id, s.User)));
            var ended = open.Where((_, i) => !live[i]).Select(s => s.Id).ToList();
            if (ended.Count > 0) Ended(ended, DateTimeOffset.UtcNow.AddDays(1));
        }
        catch (Exception ex) when (RedisRetry.IsUnavailable(ex))
        {
            StaffLog.SessionCheckFailed(logger, ex.GetType().Name);
        }
    }
}
