using Chat.Server.Staff;
using Chat.Server.Storage;

namespace Chat.Tests.Support;

// Every journey the service has, run once on one app: a whole chat, a live handover, a handover by code with
// pickup, a return code, help pages, statistics, staff sign-in/lockout/sign-out, opening hours, the dashboard with a
// silent follow, duty on and off. After each step it notes every key in Redis and its expiry, and it keeps every
// secret it used (texts, tokens, ids, codes, passwords) so tests can look for them where they must not be.
public sealed partial class WholeService(ChatApp app)
{
    public const string WrongPassword = "not the password at all 4711";

    public List<string> Texts { get; } = [];
    public List<string> Tokens { get; } = [];
    public List<string> ConversationIds { get; } = [];
    public List<string> Codes { get; } = [];
    public List<string> Passwords { get; } = [ChatApp.Password, WrongPassword];
    // Every key seen (without the prefix) with each expiry it was seen with (null: none).
    public Dictionary<string, List<TimeSpan?>> Seen { get; } = [];
    // The conversations that ended, and when the last of them did.
    public List<string> EndedIds { get; } = [];
    public DateTimeOffset LastEnd { get; private set; }

    public async Task Run()
    {
        await app.Seeded();
        await Observe();
        await StaffSignInLockoutAndSignOut();
        await WholeChat();
        await LiveHandover();
        await HandoverByCodeWithPickup();
        await ReturnCode();
        await HelpPages();
        await OpeningHoursAndStatistics();
        await DashboardWithASilentFollow();
    }

    // Notes every key of this app and its expiry, the expiries read in one batch.
    public async Task Observe()
    {
        var db = app.Get<RedisConnection>().Database;
        var names = RedisHolds.Keys(app);
        var batch = db.CreateBatch();
        var asked = names.Select(name => batch.KeyTimeToLiveAsync(app.KeyPrefix + name)).ToList();
        batch.Execute();
        var ttls = await Task.WhenAll(asked).Within(ChatApp.Timeout, "TTL");
        for (var i = 0; i < names.Count; i++)
        {
            var (name, ttl) = (names[i], ttls[i]);
            // No TTL is also the answer for a key that expired since the scan listed it (a window ending): not a key
            // without an expiry.
            if (ttl is null && !await db.KeyExistsAsync(app.KeyPrefix + name).Within(ChatApp.Timeout, "EXISTS")) continue;
            if (!Seen.TryGetValue(name, out var list)) Seen[name] = list = [];
            list.Add(ttl);
        }
    }

    private string Text(string text)
    {
        Texts.Add(text);
        return text;
    }

    private void Ended(string id)
    {
        EndedIds.Add(id);
        LastEnd = DateTimeOffset.UtcNow;
    }

    private async Task StaffSignInLockoutAndSignOut()
    {
        await app.CreateStaff("ulla");
        await app.CreateStaff("locky");
        await app.CreateStaff("admin", StaffRoles.Admin);
        await app.SignOut(await app.SignIn("ulla"));
        for (var i = 0; i < 6; i++) await app.TrySignIn("locky", WrongPassword);
        await app.TrySignIn("nobody-here", WrongPassword);
        await Observe();
    }

    private async Task WholeChat()
    {
        await using var counsellor = await Counsellor.Connect(app, await app.SignIn("ulla"));
        (await counsellor.GoOnDuty(3)).Value();
        await using var youth = await Youth.Connect(app);
        Tokens.Add((await youth.Start("own-behaviour", "sv", "13-15")).Value().Token!);
        var id = (await counsellor.QueueOf(1))[0].ConversationId;
        ConversationIds.Add(id);
        (await counsellor.Take(id)).Value();
        await youth.Next("joined");
        // An address: asked about first (the refusal must leave nothing either), then sent as confirmed.
        var told = Text("Hemligt Q4711: jag bor på Storgatan 1");
        (await youth.Send(told, "told-1")).Refused("looks-personal");
        (await youth.Send(told, "told-1", confirmed: true)).Value();
        (await counsellor.Send(id, Text("Tack för att du berättar, Q8812"))).Value();
        await Observe();
        (await youth.End()).Value();
        (await youth.Rate(4)).Value();
        (await counsellor.WrapUp(id, "sexual-abuse", "13-15", "support-given")).Value();
        Ended(id);
        (await counsellor.GoOffDuty()).Value();
        await Observe();
    }
}
