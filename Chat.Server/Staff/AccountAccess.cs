using System.Security.Cryptography;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Staff;

// Who may still sign in, and with what: an admin disables, enables or resets an account; a person changes their own
// password. Every change that takes access away ends the account's sessions in the same script, and every node then
// closes their staff hub connections (StaffSessions.Announce).
public sealed class AccountAccess(
    RedisConnection redis, StaffAccounts accounts, StaffSessions sessions, DutyRoster duty, Queue.QueueBroadcaster queue, ILogger<AccountAccess> logger)
{
    private RedisKeys Keys => redis.Keys;

    // A disabled account is also taken off duty (its period recorded), so nobody counts on someone who cannot sign in:
    // the youth page's wait, the dashboard's free places and the staffing statistics stay true.
    public async Task Disable(string userName)
    {
        await Change(userName, DisableScript, []);
        await duty.LeaveDuty(StaffAccounts.UserName(userName));
        queue.Request();
    }

    public Task Enable(string userName) => Change(userName, EnableScript, []);

    // A one-time temporary password, returned once for the admin to pass on; only its hash is stored.
    public async Task<string> ForceReset(string userName)
    {
        var account = await accounts.Find(userName) ?? throw new StaffError("unknown-account");
        var temporary = TemporaryPassword(account);
        await Change(account.UserName, SetPasswordScript, [StaffAccounts.Hasher.HashPassword(account.UserName, temporary), "1"]);
        return temporary;
    }

    // The person's own change: the current password proves it is them, the new one must pass the rules. Ends every
    // session of the account (the caller starts a new one for the browser that made the change).
    public async Task<StaffAccount> ChangePassword(string userName, string? current, string? password)
    {
        var account = await accounts.Verify(userName, current) ?? throw new StaffError("wrong-password");
        if (PasswordRules.Problem(password, account.UserName, account.DisplayName) is { } weak) throw new StaffError(weak);
        if (password == current) throw new StaffError("password-unchanged");
        await Change(account.UserName, SetPasswordScript, [StaffAccounts.Hasher.HashPassword(account.UserName, password!), ""]);
        return account with { MustChangePassword = false };
    }

    private async Task Change(string userName, string script, RedisValue[] args)
    {
        var name = StaffAccounts.UserName(userName);
        var result = await redis.Database.ScriptEvaluateAsync(script,
            [Keys.StaffIndex, Keys.StaffAccount(name), Keys.SessionsOf(name)], [name, Keys.Prefix, .. args]);
        if (result.IsNull) throw new StaffError("unknown-account");
        try
        {
            await sessions.Announce([.. ((RedisResult[])result!).Select(id => (string)id!)]);
        }
        catch (RedisException ex)
        {
            // The change is made; every node's session check (StaffConnections) closes the connections soon anyway.
            StaffLog.AnnounceFailed(logger, ex.GetType().Name);
        }
    }

    // 20 characters from an alphabet without look-alikes (about 100 bits), grouped for reading aloud.
    private static string TemporaryPassword(StaffAccount account)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
            var password = string.Join('-', Enumerable.Range(0, 5).Select(i => new string(chars, i * 4, 4)));
            if (PasswordRules.Problem(password, account.UserName, account.DisplayName) is null) return password;
        }
    }

    // Ends every session of the account; the ids come back for the announcement.
    private const string EndSessions = """
        local ids = redis.call('SMEMBERS', KEYS[3])
        for _, id in ipairs(ids) do redis.call('DEL', ARGV[2] .. 'session:' .. id) end
        redis.call('DEL', KEYS[3])
        return ids
        """;

    // KEYS: staff index, account, the account's sessions. ARGV: user, key prefix
    // returns the ended session ids | nil for an unknown account
    private const string DisableScript = $"""
        if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return nil end
        redis.call('HSET', KEYS[2], 'disabled', '1')
        {EndSessions}
        """;

    // KEYS, ARGV: as DisableScript. returns {} (no session to end) | nil for an unknown account
    private const string EnableScript = """
        if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return nil end
        redis.call('HDEL', KEYS[2], 'disabled')
        return {}
        """;

    // KEYS: as DisableScript. ARGV: user, key prefix, password hash, '1' = must change it at next sign-in ('' = not)
    // returns the ended session ids | nil for an unknown account
    private const string SetPasswordScript = $"""
        if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return nil end
        redis.call('HSET', KEYS[2], 'hash', ARGV[3])
        if ARGV[4] == '1' then redis.call('HSET', KEYS[2], 'mustChangePassword', '1') else redis.call('HDEL', KEYS[2], 'mustChangePassword') end
        {EndSessions}
        """;
}
