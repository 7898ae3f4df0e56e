using System.Text.Json;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Staff;

public sealed class AuditOptions
{
    // Who did what among staff and content is kept this long, like the anonymous statistics.
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);
}

// Actor and Target are staff user names, or what was changed (a page "sv/i-fara-nu", a service id, "opening-hours").
// Action is a fixed word from AuditActions. Never message text, never anything about a young person.
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target);

// Who did what to whom among staff and content: one list per local day (audit:<yyyy-mm-dd>, the service's
// Directory:TimeZone date, as the statistics), oldest first.
public sealed class AuditLog(RedisConnection redis, IOptions<AuditOptions> options, IOptions<Handover.DirectoryOptions> zone, TimeProvider clock)
{
    // The actor of what nobody signed in did (a sign-in that locked a user name).
    public const string Nobody = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Record(string actor, string action, string target)
    {
        var now = clock.GetUtcNow();
        var key = redis.Keys.Audit(Stats.StatsDay.Of(now, zone.Value.Zone()));
        var batch = redis.Database.CreateBatch();
        var push = batch.ListRightPushAsync(key, JsonSerializer.Serialize(new AuditEntry(now, actor, action, target), Json));
        var expire = batch.KeyExpireAsync(key, options.Value.Retention);
        batch.Execute();
        await Task.WhenAll(push, expire);
    }

    // The entries of the last `days` days (today included), newest first.
    public async Task<IReadOnlyList<AuditEntry>> Recent(int days)
    {
        var today = Stats.StatsDay.Of(clock.GetUtcNow(), zone.Value.Zone());
        var lists = await Task.WhenAll(Enumerable.Range(0, Math.Clamp(days, 1, 400))
            .Select(back => redis.Database.ListRangeAsync(redis.Keys.Audit(today.AddDays(-back)))));
        return [.. lists.SelectMany(list => list.Reverse()).Select(value => JsonSerializer.Deserialize<AuditEntry>((string)value!, Json)!)];
    }
}

// The words an audit entry may say; docs/privacy.md lists them.
public static class AuditActions
{
    public const string AccountCreated = "account-created";
    // A coordinator ended a chat (target: who held it, or "queue"), or followed one silently (target: who held it).
    public const string ChatEnded = "chat-ended";
    public const string ChatFollowed = "chat-followed";
    // A counsellor ended and blocked an abusive chat; the target stays empty: nothing about the young person.
    public const string ChatBlocked = "chat-blocked";
    // Target: stats:<from>..<to>, the days exported.
    public const string StatsExported = "stats-exported";
    public const string OpeningHoursChanged = "opening-hours-changed";
    public const string QuickRepliesChanged = "quick-replies-changed";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string PasswordResetForced = "password-reset-forced";
    public const string PasswordChanged = "password-changed";
    public const string SignedIn = "signed-in";
    public const string SignedOut = "signed-out";
    public const string SignInLocked = "sign-in-locked";
    public const string PageSaved = "page-saved";
    public const string PagePublished = "page-published";
    public const string PageUnpublished = "page-unpublished";
    public const string PageRestored = "page-restored";
    public const string ServiceSaved = "service-saved";
    public const string ServiceAdded = "service-added";
    public const string ServiceRemoved = "service-removed";
}
