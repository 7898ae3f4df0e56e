using Chat.Server.Conversations;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Staff;

public sealed record DutyStatus(bool OnDuty, int Capacity, int Active);

// Who is on duty with what capacity (hash duty: user -> capacity) and how many chats
// each holds (hash load: user -> active). Both are staff state, not about young people.
public sealed class DutyRoster(RedisConnection redis)
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 3;

    private RedisKeys Keys => redis.Keys;

    public async Task<DutyStatus> Status(string user)
    {
        var batch = redis.Database.CreateBatch();
        var capacity = batch.HashGetAsync(Keys.Duty, user);
        var load = batch.HashGetAsync(Keys.Load, user);
        batch.Execute();
        var active = (int?)await load ?? 0;
        return await capacity is { IsNull: false } c ? new DutyStatus(true, (int)c, active) : new DutyStatus(false, 0, active);
    }

    public async Task<DutyStatus> GoOnDuty(string user, int capacity)
    {
        if (capacity is < MinCapacity or > MaxCapacity)
            throw new ChatError("invalid-capacity", $"Capacity must be between {MinCapacity} and {MaxCapacity} chats.");
        await redis.Database.HashSetAsync(Keys.Duty, user, capacity);
        return await Status(user);
    }

    public async Task<DutyStatus> GoOffDuty(string user)
    {
        var result = (string)(await redis.Database.ScriptEvaluateAsync(OffDuty, [Keys.Duty, Keys.Load], [user]))!;
        if (result == "chats-open")
            throw new ChatError("chats-open", "End your open chats before going off duty.");
        return await Status(user);
    }

    public async Task<IReadOnlyList<string>> OnDuty() =>
        (await redis.Database.HashKeysAsync(Keys.Duty)).Select(k => (string)k!).ToList();

    // KEYS: duty, load. ARGV: user name. returns 'ok' | 'chats-open'
    private const string OffDuty = """
        if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') > 0 then return 'chats-open' end
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
        return 'ok'
        """;
}
