using System.Diagnostics.CodeAnalysis;
using Chat.Server.Storage;
using Microsoft.AspNetCore.Identity;
using StackExchange.Redis;

namespace Chat.Server.Staff;

// Service: the partner service a member speaks for ("" for this service's own staff). Disabled: may not sign in.
// MustChangePassword: the password was given by an admin (a new account, a forced reset) and only gets a new one set.
public sealed record StaffAccount(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, string Service = "", bool Disabled = false, bool MustChangePassword = false);

// Staff accounts in Redis (hash staff:<user> with the counsellor's skills, set staff of user names); passwords hashed by
// ASP.NET Core Identity's PasswordHasher. Staff are named people; young people never have accounts.
public sealed class StaffAccounts(RedisConnection redis)
{
    public const int MaxDisplayNameLength = 40;
    internal static readonly PasswordHasher<string> Hasher = new();

    private RedisKeys Keys => redis.Keys;

    public async Task<bool> Any() => await redis.Database.SetLengthAsync(Keys.StaffIndex) > 0;

    // onlyIfNone: the first-admin setup must not run once anyone exists, even if two browsers race.
    // mustChangePassword: an admin chose the password, so the person sets their own at first sign-in.
    public async Task<StaffAccount> Create(
        string? userName, string? displayName, string? password, IReadOnlyList<string> roles, bool onlyIfNone = false, string service = "",
        bool mustChangePassword = false)
    {
        var name = UserName(userName);
        if (!IsDisplayName(displayName)) throw new StaffError("invalid-display-name");
        if (PasswordRules.Problem(password, name, displayName) is { } weak) throw new StaffError(weak);
        // A partner's member sits at their service's desk, so the two come together or not at all.
        if (roles.Contains(StaffRoles.Partner) != (service.Length > 0)) throw new StaffError("invalid-service");
        var display = displayName!.Trim();
        var result = (string)(await redis.Database.ScriptEvaluateAsync(CreateScript,
            [Keys.StaffIndex, Keys.StaffAccount(name)],
            [name, display, Hasher.HashPassword(name, password!), string.Join(',', roles), onlyIfNone ? "1" : "0", service, mustChangePassword ? "1" : ""]))!;
        return result == "ok" ? new StaffAccount(name, display, roles, service, MustChangePassword: mustChangePassword) : throw new StaffError(result);
    }

    // The account if the password is right, disabled or not (the caller says which refusal applies).
    public async Task<StaffAccount?> Verify(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(password) || !IsUserName(userName)) return null;
        var name = userName!.ToLowerInvariant();
        var fields = await redis.Database.HashGetAsync(Keys.StaffAccount(name), [.. Fields, "hash"]);
        if (fields[0].IsNull)
        {
            // Same work as a real check, so timing does not tell which user names exist.
            Hasher.VerifyHashedPassword(name, DummyHash, password);
            return null;
        }
        var verdict = Hasher.VerifyHashedPassword(name, fields[^1]!, password);
        if (verdict == PasswordVerificationResult.Failed) return null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await redis.Database.HashSetAsync(Keys.StaffAccount(name), "hash", Hasher.HashPassword(name, password));
        return Account(name, fields);
    }

    public async Task<StaffAccount?> Find(string userName) =>
        IsUserName(userName) && await redis.Database.HashGetAsync(Keys.StaffAccount(userName.ToLowerInvariant()), Fields) is { } fields && !fields[0].IsNull
            ? Account(userName.ToLowerInvariant(), fields)
            : null;

    public async Task<bool> Exists(string? userName) =>
        IsUserName(userName) && await redis.Database.SetContainsAsync(Keys.StaffIndex, userName!.ToLowerInvariant());

    // Every account, by user name. The password hash is never read here, so it cannot leave this class.
    public async Task<IReadOnlyList<StaffAccount>> All()
    {
        var names = (await redis.Database.SetMembersAsync(Keys.StaffIndex)).Select(name => (string)name!).Order(StringComparer.Ordinal).ToList();
        var fields = await Task.WhenAll(names.Select(name => redis.Database.HashGetAsync(Keys.StaffAccount(name), Fields)));
        return [.. names.Zip(fields).Where(pair => !pair.Second[0].IsNull).Select(pair => Account(pair.First, pair.Second))];
    }

    private static readonly RedisValue[] Fields = ["displayName", "roles", "service", "disabled", "mustChangePassword"];

    private static StaffAccount Account(string name, RedisValue[] fields) =>
        new(name, fields[0]!, ((string?)fields[1] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), (string?)fields[2] ?? "",
            fields[3] == "1", fields[4] == "1");

    public async Task<string> ServiceOf(string userName) =>
        (string?)await redis.Database.HashGetAsync(Keys.StaffAccount(userName), "service") ?? "";

    public async Task<string?> DisplayNameOf(string userName) =>
        await redis.Database.HashGetAsync(Keys.StaffAccount(userName), "displayName");

    public async Task<Skills> SkillsOf(string userName)
    {
        var fields = await redis.Database.HashGetAsync(Keys.StaffAccount(userName), ["languages", "topics"]);
        return Skills.Stored(fields[0], fields[1]);
    }

    // Both fields in one HSET, so a reader never sees new languages with old topics.
    public async Task<Skills> SetSkills(string userName, Skills skills)
    {
        await redis.Database.HashSetAsync(Keys.StaffAccount(userName),
            [new("languages", string.Join(',', skills.Languages)), new("topics", string.Join(',', skills.Topics))]);
        return skills;
    }

    public static bool IsUserName(string? value) =>
        value is { Length: >= 3 and <= 32 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    public static bool IsDisplayName([NotNullWhen(true)] string? value) =>
        (value ?? "").Trim() is { Length: > 0 and <= MaxDisplayNameLength } display && Conversations.TextRules.IsPrintable(display) && !display.Contains('\n');

    public static string UserName(string? value) =>
        IsUserName(value) ? value!.ToLowerInvariant() : throw new StaffError("invalid-user-name");

    private static readonly string DummyHash = Hasher.HashPassword("", Guid.NewGuid().ToString());

    // KEYS: staff index, account. ARGV: user, display name, hash, roles, '1' = only if no account exists, partner service id,
    // '1' = must change password ('' = not)
    // returns 'ok' | 'setup-closed' | 'user-exists'
    private const string CreateScript = """
        if ARGV[5] == '1' and redis.call('SCARD', KEYS[1]) > 0 then return 'setup-closed' end
        if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 'user-exists' end
        redis.call('HSET', KEYS[2], 'displayName', ARGV[2], 'hash', ARGV[3], 'roles', ARGV[4], 'service', ARGV[6])
        if ARGV[7] == '1' then redis.call('HSET', KEYS[2], 'mustChangePassword', '1') end
        redis.call('SADD', KEYS[1], ARGV[1])
        return 'ok'
        """;
}

public sealed class StaffError(string code) : Exception(code)
{
    public string Code { get; } = code;
}
