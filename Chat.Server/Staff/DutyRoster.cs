using Chat.Server.Conversations;
using Chat.Server.Queue;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Staff;

public sealed record DutyStatus(bool OnDuty, int Capacity, int Active);

// Who is on duty with what capacity (hash duty: user -> capacity; a partner service's members in their
// own desk's hash). How many chats someone holds is counted from their chats each time, never stored.
// Staff state, not about young people. service: "" for this service's counsellors, else the partner's id.
public sealed class DutyRoster(RedisConnection redis, StaffAccounts accounts)
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
        await redis.Database.HashSetAsync(DutyOf(service), user, capacity);
        return await Status(user, service);
    }

    public async Task<DutyStatus> GoOffDuty(string user, string service = "")
    {
        var result = (string)(await redis.Database.ScriptEvaluateAsync(OffDutyScript,
            [DutyOf(service), Keys.CounsellorChats(user)], [user, Keys.Prefix]))!;
        if (result == "chats-open")
            throw new ChatError("chats-open", "End your open chats before going off duty.");
        return await Status(user, service);
    }

    public async Task<IReadOnlyList<string>> OnDuty(string service = "") =>
        (await redis.Database.HashKeysAsync(DutyOf(service))).Select(k => (string)k!).ToList();

    // KEYS: duty, counsellor's chats. ARGV: user name, key prefix. returns {capacity or false, active}
    private static readonly string StatusScript = $$"""
        {{QueueScripts.CountActive("KEYS[2]", "ARGV[2]")}}
        return {redis.call('HGET', KEYS[1], ARGV[1]), active}
        """;

    // KEYS: duty, counsellor's chats. ARGV: user name, key prefix. returns 'ok' | 'chats-open'
    private static readonly string OffDutyScript = $$"""
        {{QueueScripts.CountActive("KEYS[2]", "ARGV[2]")}}
        if active > 0 then return 'chats-open' end
        redis.call('HDEL', KEYS[1], ARGV[1])
        return 'ok'
        """;
}
