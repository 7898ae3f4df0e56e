using System.Text.Json;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Queue;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Dashboard;

// Reads the whole floor for the dashboard in three batched round trips: queue, desks, staff and today's counters
// (with the queue outlook beside them: on duty and free places as the wait estimate counts them); then the waiting
// and held chats; then each chat's fields and newest entry. Read only while someone
// watches (DashboardBroadcaster), so it costs nothing on a node without a coordinator.
public sealed class Overview(
    RedisConnection redis, ServiceDirectory directory, Counters counters, WaitingRoom room, IOptions<DashboardOptions> options, TimeProvider clock)
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

        // Counsellors on duty and their free places as the young people's wait estimate counts them (one rule).
        var outlook = room.Outlook();
        var first = db.CreateBatch();
        var queue = first.SortedSetRangeByRankAsync(Keys.Queue);
        var staff = first.SetMembersAsync(Keys.StaffIndex);
        var today = first.HashGetAllAsync(counters.TodayKey);
        var deskDuty = services.Select(s => first.HashLengthAsync(Keys.ServiceDuty(s.Id))).ToList();
        var deskQueue = services.Select(s => first.SortedSetRangeByRankAsync(Keys.ServiceQueue(s.Id))).ToList();
        first.Execute();
        await Task.WhenAll([outlook, queue, staff, today, .. deskDuty, .. deskQueue]);

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
        return new DashboardState(
            nowMs,
            queuedAt.Count,
            queuedAt.Count == 0 ? null : (int)Math.Max(0, (nowMs - queuedAt.Min()) / 1000),
            waiting.Concat(atDesks).Count(w => w.Result[1] == "1"),
            outlook.Result.OnDuty.Count,
            outlook.Result.TotalCapacity,
            outlook.Result.FreeCapacity,
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
        return new DashboardChat(id, (string?)f[2] ?? "", ConversationRecord.Blank(f[3]), taken, last, now - last >= stuckMs, ConversationRecord.Blank(f[8]) is null,
            f[6] == "1", ConversationRecord.Blank(f[4]), ConversationRecord.Blank(f[7]), ConversationRecord.Blank(f[9]));
    }
}
