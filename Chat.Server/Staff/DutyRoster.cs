using Chat.Server.Conversations;
using Chat.Server.Queue;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Staff;

public sealed record DutyStatus(bool OnDuty, int Capacity, int Active);

// Who is on duty with what capacity (hash duty: user -> capacity). How many chats a counsellor
// holds is counted from their chats each time, never stored. Staff state, not about young people.
public sealed class DutyRoster(RedisConnection redis)
{
    public const int MinCapacity = 1;
    public const int MaxCapacity = 3;

    private RedisKeys Keys => redis.Keys;

    public async Task<DutyStatus> Status(string user)
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(StatusScript,
            [Keys.Duty, Keys.CounsellorChats(user)], [user, Keys.Prefix]))!;
        var capacity = (int?)result[0];
        return new DutyStatus(capacity is not null, capacity ?? 0, (int)result[1]);
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
        var result = (string)(await redis.Database.ScriptEvaluateAsync(OffDutyScript,
            [Keys.Duty, Keys.CounsellorChats(user)], [user, Keys.Prefix]))!;
        if (result == "chats-open")
            throw new ChatError("chats-open", "End your open chats before going off duty.");
        return await Status(user);
    }

    public async Task<IReadOnlyList<string>> OnDuty() =>
        (await redis.Database.HashKeysAsync(Keys.Duty)).Select(k => (string)k!).ToList();

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
