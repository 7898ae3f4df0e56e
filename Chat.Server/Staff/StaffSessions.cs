using System.Security.Cryptography;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Staff;

// A signed-in staff member's session. The cookie carries its id; Redis holds whether it still lives.
public sealed record StaffSession(string Id, DateTimeOffset Expires);

// Staff sessions in Redis: session:<id> (user, expiry) lives for StaffOptions.SessionLifetime from sign-in and no
// longer, and sessions:<user> lists a user's sessions so that disabling or resetting the account ends them all.
// Whatever ends a session announces it, and every node closes that session's staff hub connections (StaffConnections).
public sealed class StaffSessions(RedisConnection redis, IOptions<StaffOptions> options, TimeProvider clock)
{
    private RedisKeys Keys => redis.Keys;

    public async Task<StaffSession> Start(string userName)
    {
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var lifetime = options.Value.SessionLifetime;
        var expires = clock.GetUtcNow() + lifetime;
        await redis.Database.ScriptEvaluateAsync(StartScript, [Keys.Session(id), Keys.SessionsOf(userName)],
            [userName, expires.ToUnixTimeMilliseconds(), (long)lifetime.TotalMilliseconds, id, Keys.Prefix]);
        return new StaffSession(id, expires);
    }

    // Whether the session still stands for this user: not ended, not past its lifetime, the account not disabled.
    // One round trip; the cookie asks on every request.
    public async Task<bool> IsLive(string? id, string? userName)
    {
        if (!IsId(id) || !StaffAccounts.IsUserName(userName)) return false;
        var batch = redis.Database.CreateBatch();
        var session = batch.HashGetAsync(Keys.Session(id!), ["user", "expires"]);
        var disabled = batch.HashGetAsync(Keys.StaffAccount(userName!), "disabled");
        batch.Execute();
        var fields = await session;
        return fields[0] == userName && (long)fields[1] > clock.GetUtcNow().ToUnixTimeMilliseconds() && (await disabled).IsNull;
    }

    public async Task End(string? id, string userName)
    {
        if (!IsId(id)) return;
        await redis.Database.ScriptEvaluateAsync(EndScript, [Keys.Session(id!), Keys.SessionsOf(userName)], [id]);
        await Announce([id!]);
    }

    // Tells every node (this one included) that these sessions ended.
    public async Task Announce(IReadOnlyCollection<string> ids)
    {
        if (ids.Count > 0) await redis.Multiplexer!.GetSubscriber().PublishAsync(Keys.SessionsEnded, string.Join(',', ids));
    }

    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    // KEYS: session, the user's sessions. ARGV: user, expiry (ms since 1970), lifetime ms, session id, key prefix
    // returns 1. Drops ids whose session has already expired, so the user's list does not grow shift after shift.
    private const string StartScript = """
        redis.call('HSET', KEYS[1], 'user', ARGV[1], 'expires', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
            if redis.call('EXISTS', ARGV[5] .. 'session:' .. id) == 0 then redis.call('SREM', KEYS[2], id) end
        end
        redis.call('SADD', KEYS[2], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return 1
        """;

    // KEYS: session, the user's sessions. ARGV: session id. returns 1
    private const string EndScript = """
        redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[2], ARGV[1])
        return 1
        """;
}
