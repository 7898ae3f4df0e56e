using System.Security.Cryptography;
using System.Text;
using Chat.Server.Conversations;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Handover;

public sealed record IssuedCode(string Code, string Selector, DateTimeOffset ExpiresAt);

public sealed record Pickup(string Selector, IReadOnlyDictionary<string, string> Fields);

// Anonymous pickup codes (hash code:<selector>): nothing but the code links what it holds to anyone.
// Every lookup by typed code is rate-limited before it happens and costs the same whether the code is
// missing, of another kind or has another secret, so guessing learns nothing.
public sealed class PickupCodes(RedisConnection redis, IOptions<HandoverOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan AllCallersWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CallerWindow = TimeSpan.FromMinutes(15);
    private const int IssueAttempts = 8;
    private static readonly string[] Reserved = ["kind", "verifier", "issued", "used"];

    private RedisKeys Keys => redis.Keys;

    public async Task<IssuedCode> Issue(string kind, IReadOnlyDictionary<string, string> fields)
    {
        if (!CodeRules.IsKind(kind)) throw new ArgumentException($"Unknown code kind '{kind}'.", nameof(kind));
        foreach (var (field, value) in fields) CheckField(field, value);
        var now = clock.GetUtcNow();
        var lifetime = options.Value.CodeLifetime;
        for (var attempt = 0; attempt < IssueAttempts; attempt++)
        {
            var code = CodeRules.New();
            var selector = CodeRules.Selector(code);
            RedisValue[] values =
            [
                (long)lifetime.TotalMilliseconds,
                "kind", kind, "verifier", CodeRules.Verifier(code), "issued", now.ToUnixTimeMilliseconds(),
                .. fields.SelectMany(f => new RedisValue[] { f.Key, f.Value }),
            ];
            if ((long)await redis.Database.ScriptEvaluateAsync(CodeScripts.Issue, [Keys.Code(selector)], values) == 1)
                return new IssuedCode(CodeRules.Format(code), selector, now + lifetime);
        }
        // 4 characters give 923,521 selectors: this many collisions in a row means the store is nearly full.
        throw new InvalidOperationException("No free pickup-code selector.");
    }

    // Single use: the content is returned and removed from Redis in one step.
    public async Task<Pickup> Redeem(string? input, string expectedKind, string caller)
    {
        var attempt = await Check(input, RequireKind(expectedKind), RequireCaller(caller));
        if (!attempt.Matches) throw Refusal("unknown-code");
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(CodeScripts.Redeem,
            [Keys.Code(attempt.Selector)], [attempt.Verifier, expectedKind]))!;
        var status = (string)result[0]!;
        if (status == "unknown") throw Refusal("unknown-code"); // deleted or expired since the check: stays counted
        await Refund(attempt);
        if (status != "ok") throw Refusal("code-used");
        var fields = new Dictionary<string, string>();
        for (var i = 1; i + 1 < result.Length; i += 2) fields[(string)result[i]!] = (string)result[i + 1]!;
        return new Pickup(attempt.Selector, fields);
    }

    // The content without using the code up; null once it has been used (its content is gone).
    public async Task<IReadOnlyDictionary<string, string>?> Peek(string? input, string expectedKind, string caller) =>
        await Unused(input, RequireKind(expectedKind), caller) is { } attempt ? Content(attempt) : null;

    // Which kind of code this is and what it holds, without using it up; null once it has been used.
    public async Task<(string Kind, IReadOnlyDictionary<string, string> Fields)?> Inspect(string? input, string caller) =>
        await Unused(input, expectedKind: null, caller) is { } attempt ? (attempt.Stored.GetValueOrDefault("kind", ""), Content(attempt)) : null;

    // A right code's attempt (given back to the limits), or null when it was used already (its content is gone).
    private async Task<Attempt?> Unused(string? input, string? expectedKind, string caller)
    {
        var attempt = await Check(input, expectedKind, RequireCaller(caller));
        if (!attempt.Matches) throw Refusal("unknown-code");
        await Refund(attempt);
        return attempt.Stored.ContainsKey("used") ? null : attempt;
    }

    private static Dictionary<string, string> Content(Attempt attempt) => attempt.Stored.Where(f => !Reserved.Contains(f.Key)).ToDictionary();

    // The young person deletes their code and what it holds; the full code is needed. Pass the caller where
    // there is one (the connection id), so one caller's wrong codes are limited on their own too.
    public async Task<bool> Delete(string? input, string? caller = null)
    {
        var attempt = await Check(input, expectedKind: null, caller is null ? null : RequireCaller(caller));
        if (!attempt.Matches) return false;
        var deleted = (long)await redis.Database.ScriptEvaluateAsync(CodeScripts.Delete, [Keys.Code(attempt.Selector)], [attempt.Verifier]) == 1;
        if (deleted) await Refund(attempt);
        return deleted;
    }

    // For server code that holds the selector from Issue (never typed input): adds or replaces one content field.
    public async Task<bool> Annotate(string selector, string field, string value)
    {
        if (selector is not { Length: CodeRules.SelectorLength } || !selector.All(c => CodeRules.Alphabet.Contains(c)))
            throw new ArgumentException("Not a pickup-code selector.", nameof(selector));
        CheckField(field, value);
        return (long)await redis.Database.ScriptEvaluateAsync(CodeScripts.Annotate, [Keys.Code(selector)], [field, value]) == 1;
    }

    public static ChatError Refusal(string code) => code switch
    {
        "invalid-code" => new(code, "That is not a code. A code has 12 characters: the digits 2–9 and the letters A–Z except I, L and O."),
        "too-many-attempts" => new(code, "Too many wrong codes have been tried. Wait a few minutes and try again."),
        "unknown-code" => new(code, "That code is not known here. Check it; it may also have expired or been deleted."),
        "code-used" => new(code, "That code has already been used."),
        _ => new(code, code),
    };

    private sealed record Attempt(string Selector, string Verifier, Dictionary<string, string> Stored, bool Matches, RedisKey[] Counters);

    // Normalize, count the attempt (or refuse: nothing is looked up), fetch, compare. A missing code, another
    // kind and another secret all take this same path and the same work.
    private async Task<Attempt> Check(string? input, string? expectedKind, string? caller)
    {
        var code = CodeRules.Normalize(input) ?? throw Refusal("invalid-code");
        var (counters, limits) = Counters(caller);
        if ((long)await redis.Database.ScriptEvaluateAsync(CodeScripts.Admit, counters, limits) == 0) throw Refusal("too-many-attempts");
        var selector = CodeRules.Selector(code);
        var stored = (await redis.Database.HashGetAllAsync(Keys.Code(selector))).ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        var verifierMatches = CodeRules.VerifierMatches(code, stored.GetValueOrDefault("verifier"));
        var kindMatches = expectedKind is null || stored.GetValueOrDefault("kind") == expectedKind;
        return new Attempt(selector, CodeRules.Verifier(code), stored, verifierMatches & kindMatches, counters);
    }

    private (RedisKey[] Keys, RedisValue[] Limits) Counters(string? caller)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var all = (long)AllCallersWindow.TotalMilliseconds;
        var mine = (long)CallerWindow.TotalMilliseconds;
        var o = options.Value;
        if (caller is null) return ([Keys.CodeFailures(now / all)], [o.CodeFailuresPerMinute, all]);
        return ([Keys.CodeFailures(now / all), Keys.CodeCallerFailures(CallerHash(caller), now / mine)],
            [o.CodeFailuresPerMinute, all, o.CodeFailuresPerCaller, mine]);
    }

    private Task Refund(Attempt attempt) => redis.Database.ScriptEvaluateAsync(CodeScripts.Refund, attempt.Counters);

    // Only this hash is ever written, so no connection id or staff name appears in a key.
    private static string CallerHash(string caller) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caller)));

    private static string RequireKind(string kind) =>
        CodeRules.IsKind(kind) ? kind : throw new ArgumentException($"Unknown code kind '{kind}'.", nameof(kind));

    private static string RequireCaller(string caller) =>
        string.IsNullOrEmpty(caller) ? throw new ArgumentException("A caller is needed for the rate limit.", nameof(caller)) : caller;

    private static void CheckField(string field, string value)
    {
        if (string.IsNullOrEmpty(field) || Reserved.Contains(field))
            throw new ArgumentException($"'{field}' cannot be a content field of a code.", nameof(field));
        ArgumentNullException.ThrowIfNull(value);
    }
}
