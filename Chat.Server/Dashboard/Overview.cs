using System.Text.Json;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Dashboard;

// Reads the whole floor for the dashboard in three batched round trips: queue, duty, desks, staff and today's
// counters; then the waiting and held chats; then each chat's fields and newest entry. Read only while someone
// watches (DashboardBroadcaster), so it costs nothing on a node without a coordinator.
public sealed class Overview(
    RedisConnection redis, ServiceDirectory directory, Counters counters, IOptions<DashboardOptions> options, TimeProvider clock)
{
    private static readonly RedisValue[] WaitingFields = ["queuedAt", "danger"];
    private static readonly RedisValue[] ChatFields =
        ["state", "counsellor", "counsellorName", "counsellorService", "guestName", "taken", "danger", "observerName", "youthConn", "handoverServiceName"];

    private RedisKeys Keys => redis.Keys;

    public async Task<DashboardState> Read()
    {
        var now = clock.GetUtcNow();
        var services = await directory.All();
        var db = redis.Database;

        var first = db.CreateBatch();
        var queue = first.SortedSetRangeByRankAsync(Keys.Queue);
        var duty = first.HashGetAllAsync(Keys.Duty);
        var staff = first.SetMembersAsync(Keys.StaffIndex);
        var today = first.HashGetAllAsync(counters.TodayKey);
        var deskDuty = services.Select(s => first.HashLengthAsync(Keys.ServiceDuty(s.Id))).ToList();
        var deskQueue = services.Select(s => first.SortedSetRangeByRankAsync(Keys.ServiceQueue(s.Id))).ToList();
        first.Execute();
        await Task.WhenAll([queue, duty, staff, today, .. deskDuty, .. deskQueue]);

        var deskWaiting = deskQueue.SelectMany(q => q.Result).Select(id => (string)id!).ToList();
        var second = db.CreateBatch();
        var waiting = queue.Result.Select(id => second.HashGetAsync(Keys.Conversation(id!), WaitingFields)).ToList();
        var atDesks = deskWaiting.Select(id => second.HashGetAsync(Keys.Conversation(id), WaitingFields)).ToList();
        var held = staff.Result.Select(user => second.SetMembersAsync(Keys.CounsellorChats(user!))).ToList();
        second.Execute();
        await Task.WhenAll([.. waiting, .. atDesks, .. held]);

        var chatIds = held.SelectMany(h => h.Result).Select(id => (string)id!).Distinct().ToList();
        var third = db.CreateBatch();
        var fields = chatIds.Select(id => third.HashGetAsync(Keys.Conversation(id), ChatFields)).ToList();
        var newest = chatIds.Select(id => third.ListGetByIndexAsync(Keys.Transcript(id), -1)).ToList();
        third.Execute();
        await Task.WhenAll([.. fields, .. newest]);

        var nowMs = now.ToUnixTimeMilliseconds();
        var stuckMs = (long)options.Value.StuckAfter.TotalMilliseconds;
        var chats = chatIds.Select((id, i) => Chat(id, fields[i].Result, newest[i].Result, nowMs, stuckMs))
            .OfType<DashboardChat>().OrderBy(c => c.Taken).ToList();

        var queuedAt = waiting.Select(w => w.Result).Where(f => !f[0].IsNull).Select(f => (long)f[0]).ToList();
        var capacities = duty.Result.ToDictionary(e => (string)e.Name!, e => (int)e.Value);
        var activeBy = chatIds.Select((id, i) => fields[i].Result).Where(f => f[0] == "active")
            .GroupBy(f => (string)f[1]!).ToDictionary(g => g.Key, g => g.Count());
        return new DashboardState(
            nowMs,
            queuedAt.Count,
            queuedAt.Count == 0 ? null : (int)Math.Max(0, (nowMs - queuedAt.Min()) / 1000),
            waiting.Concat(atDesks).Count(w => w.Result[1] == "1"),
            capacities.Count,
            capacities.Values.Sum(),
            capacities.Sum(c => Math.Max(0, c.Value - activeBy.GetValueOrDefault(c.Key))),
            chats.Count,
            StatsFields.Handovers(today.Result.ToDictionary(e => (string)e.Name!, e => (long)e.Value)),
            chats,
            [.. services.Select((s, i) => new DeskState(s.Id, s.Name, (int)deskDuty[i].Result, deskQueue[i].Result.Length))
                .Where(d => d.OnDuty > 0 || d.Waiting > 0)]);
    }

    private static DashboardChat? Chat(string id, RedisValue[] f, RedisValue newest, long now, long stuckMs)
    {
        if (f[0] != "active") return null;
        var taken = (long?)f[5] ?? 0;
        var last = newest.IsNull ? taken : Math.Max(taken, JsonSerializer.Deserialize<JsonElement>((string)newest!).GetProperty("at").GetInt64());
        return new DashboardChat(id, (string?)f[2] ?? "", Blank(f[3]), taken, last, now - last >= stuckMs, Blank(f[8]) is null,
            f[6] == "1", Blank(f[4]), Blank(f[7]), Blank(f[9]));
    }

    private static string? Blank(RedisValue value) => value.IsNullOrEmpty ? null : (string)value!;
}
