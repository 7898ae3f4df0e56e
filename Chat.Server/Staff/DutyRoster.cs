using Chat.Server.Conversations;
using Chat.Server.Opening;
using Chat.Server.Queue;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Staff;

public sealed record DutyStatus(bool OnDuty, int Capacity, int Active);

// Who is on duty with what capacity (hash duty: user -> capacity; a partner service's members in their
// own desk's hash). How many chats someone holds is counted from their chats each time, never stored.
// Staff state, not about young people. service: "" for this service's counsellors, else the partner's id.
// Since when someone is on duty is kept (duty:since) and the period recorded when they go off duty (ShiftLog).
// A staff member sits at one desk (their account's), so the start is kept by user name.
public sealed class DutyRoster(RedisConnection redis, StaffAccounts accounts, ShiftLog shifts, TimeProvider clock)
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 3;

    private RedisKeys Keys => redis.Keys;

    private RedisKey DutyOf(string service) => service.Length == 0 ? Keys.Duty : Keys.ServiceDuty(service);

    public async Task<DutyStatus> Status(string user, string service = "")
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(StatusScript,
            [DutyOf(service), Keys.CounsellorChats(user)], [user, Keys.Prefix]))!;
        var capacity = (int?)result[0];
        return new DutyStatus(capacity is not null, capacity ?? 0, (int)result[1]);
    }

    // A staff member's status at whichever desk they sit: their account names a partner service, or none.
    public async Task<DutyStatus> StatusAtTheirDesk(string user) => await Status(user, await accounts.ServiceOf(user));

    public async Task<DutyStatus> GoOnDuty(string user, int capacity, string service = "")
    {
        if (capacity is < MinCapacity or > MaxCapacity)
            throw new ChatError("invalid-capacity", $"Capacity must be between {MinCapacity} and {MaxCapacity} chats.");
        await redis.Database.ScriptEvaluateAsync(OnDutyScript, [DutyOf(service), Keys.DutySince],
            [user, capacity, clock.GetUtcNow().ToUnixTimeMilliseconds()]);
        return await Status(user, service);
    }

    // The period is built from the start as read; the script checks that start is still the one stored (another tab
    // may have gone off and on duty meanwhile), else it is read again.
    public Task<DutyStatus> GoOffDuty(string user, string service = "") => OffDuty(user, service, force: false);

    // Off duty whatever they hold, at whichever desk they sit: for an account that was just disabled. Their open chats
    // stay theirs until a coordinator ends them (the dashboard shows them).
    public async Task<DutyStatus> LeaveDuty(string user) => await OffDuty(user, await accounts.ServiceOf(user), force: true);

    private async Task<DutyStatus> OffDuty(string user, string service, bool force)
    {
        for (var attempt = 0; ; attempt++)
        {
            var since = await redis.Database.HashGetAsync(Keys.DutySince, user);
            var entries = (long?)since is { } ms
                ? shifts.Entries(new DutyPeriod(user, service, DateTimeOffset.FromUnixTimeMilliseconds(ms), clock.GetUtcNow()))
                : [];
            var result = (string)(await redis.Database.ScriptEvaluateAsync(OffDutyScript,
                [DutyOf(service), Keys.CounsellorChats(user), Keys.DutySince, .. entries.Select(e => e.Key)],
                [user, Keys.Prefix, since.IsNull ? "" : since, (long)shifts.Retention.TotalMilliseconds, force ? "1" : "0",
                    .. entries.Select(e => (RedisValue)e.Entry)]))!;
            if (result == "chats-open")
                throw new ChatError("chats-open", "End your open chats before going off duty.");
            if (result == "ok" || attempt >= 3) return await Status(user, service);
        }
    }

    public async Task<IReadOnlyList<string>> OnDuty(string service = "") =>
        (await redis.Database.HashKeysAsync(DutyOf(service))).Select(k => (string)k!).ToList();

    // KEYS: duty, counsellor's chats. ARGV: user name, key prefix. returns {capacity or false, active}
    private static readonly string StatusScript = $$"""
        {{QueueScripts.CountActive("KEYS[2]", "ARGV[2]")}}
        return {redis.call('HGET', KEYS[1], ARGV[1]), active}
        """;

    // A new capacity while on duty keeps the start of the period.
    // KEYS: duty, duty:since. ARGV: user name, capacity, now ms. returns the number of fields set
    private const string OnDutyScript = """
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3])
        """;

    // Off duty, and the period (one piece per local day it touched) into the day lists, if they were on duty here.
    // KEYS: duty, counsellor's chats, duty:since, the period's day lists. ARGV: user name, key prefix, the start as
    // read ('' for none), the lists' lifetime ms, '1' to leave even with chats open, one entry per day list.
    // returns 'ok' | 'chats-open' | 'since-changed'
    private static readonly string OffDutyScript = $$"""
        {{QueueScripts.CountActive("KEYS[2]", "ARGV[2]")}}
        if active > 0 and ARGV[5] ~= '1' then return 'chats-open' end
        if (redis.call('HGET', KEYS[3], ARGV[1]) or '') ~= ARGV[3] then return 'since-changed' end
        if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then
          for i = 4, #KEYS do
            redis.call('RPUSH', KEYS[i], ARGV[i + 2])
            redis.call('PEXPIRE', KEYS[i], ARGV[4])
          end
        end
        redis.call('HDEL', KEYS[3], ARGV[1])
        return 'ok'
        """;
}
