using System.Security.Cryptography;
using System.Text;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;

namespace Chat.Server.Staff;

// Slows password guessing: an attempt counts for its user name as soon as it is made (so guesses sent at once cannot
// slip past the limit) and a right password clears the count. Counted by a SHA-256 of the lower-cased name, for names
// with and without an account alike, so the lock tells nobody which names exist. The price: anyone can lock a
// colleague out for SignInLockoutOptions.Lockout by typing their user name wrong on purpose.
public sealed class SignInLockout(RedisConnection redis, IOptions<SignInLockoutOptions> options, TimeProvider clock)
{
    public enum Verdict { Counted, Locking, Locked }

    // Locked: refuse without looking at the password. Locking: this attempt is the last one allowed; if it fails, the
    // user name is locked from now on.
    public async Task<Verdict> Attempt(string? userName)
    {
        var o = options.Value;
        var result = (string)(await redis.Database.ScriptEvaluateAsync(AttemptScript, [Key(userName)],
            [clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)o.Window.TotalMilliseconds, o.MaxFailures, (long)o.Lockout.TotalMilliseconds]))!;
        return result switch { "locked" => Verdict.Locked, "locking" => Verdict.Locking, _ => Verdict.Counted };
    }

    public Task Clear(string? userName) => redis.Database.KeyDeleteAsync(Key(userName));

    private StackExchange.Redis.RedisKey Key(string? userName) =>
        redis.Keys.SignInFailures(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((userName ?? "").Trim().ToLowerInvariant()))));

    // KEYS: the name's failures (hash: count, first = when the window began, lockedUntil). ARGV: now ms, window ms,
    // max failures, lockout ms
    // returns 'locked' (refuse) | 'locking' (counted; the lock is set, the attempt may still clear it) | 'counted'
    private const string AttemptScript = """
        local now = tonumber(ARGV[1])
        local f = redis.call('HMGET', KEYS[1], 'count', 'first', 'lockedUntil')
        local lockedUntil = tonumber(f[3])
        if lockedUntil and lockedUntil > now then return 'locked' end
        local count = tonumber(f[1]) or 0
        local first = tonumber(f[2]) or now
        if lockedUntil or now - first >= tonumber(ARGV[2]) then count = 0; first = now end
        count = count + 1
        redis.call('HSET', KEYS[1], 'count', count, 'first', first)
        redis.call('HDEL', KEYS[1], 'lockedUntil')
        local verdict = 'counted'
        if count >= tonumber(ARGV[3]) then
            redis.call('HSET', KEYS[1], 'lockedUntil', now + tonumber(ARGV[4]))
            verdict = 'locking'
        end
        redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[2]), tonumber(ARGV[4])))
        return verdict
        """;
}
