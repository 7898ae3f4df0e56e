using System.Text.RegularExpressions;
using Chat.Server.Conversations;
using Chat.Server.Storage;
using Chat.Tests.Support;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Chat.Tests.Integration;

// Every journey of the service, run once with short lifetimes and every log level on (WholeService), held against
// docs/privacy.md: the key table there is the whole truth about what Redis holds and for how long, and no log
// line carries anything that could point at a young person or open a staff account.
public sealed class DataInventoryTests(DataInventoryTests.Journeys journeys) : IClassFixture<DataInventoryTests.Journeys>
{
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(4);

    public sealed class Journeys : IAsyncLifetime
    {
        public ChatApp App { get; } = ChatApp.OnSharedRedis(new Dictionary<string, string?>
        {
            ["Conversations:RetentionAfterEnd"] = Retention.ToString(),
            ["Conversations:MaxLifetime"] = "00:10:00",
            ["Staff:SessionLifetime"] = "00:20:00",
            ["SignInLockout:Window"] = "00:03:00",
            ["SignInLockout:Lockout"] = "00:04:00",
            ["Handover:CodeLifetime"] = "01:00:00",
            ["Stats:Retention"] = "2.00:00:00",
            ["Audit:Retention"] = "3.00:00:00",
            // Every journey comes from one loopback address: the limits are counted (their keys are checked) but not reached.
            ["Abuse:StartsPerClient"] = "1000",
            ["Abuse:MessagesPerClient"] = "1000",
            // Every level of every category, as far as appsettings.json lets an operator raise it.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });

        public WholeService Service { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App.StartOnLoopback(); // real sockets, so Kestrel and the transports log as they do in production
            Service = new WholeService(App);
            await Service.Run();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private WholeService Service => journeys.Service;

    [Fact]
    public void EveryKeyTheJourneysWroteIsInTheTableAndLivesNoLongerThanItSays()
    {
        var inventory = KeyInventory.FromDocs();
        var configuration = journeys.App.Get<IConfiguration>();
        var wrong = new List<string>();
        foreach (var (key, ttls) in Service.Seen)
        {
            if (inventory.Describing(key) is not { } row)
            {
                wrong.Add($"'{key}' is not described in docs/privacy.md");
                continue;
            }
            if (inventory.IsPermanent(row)) continue;
            var bound = inventory.Bound(row, name => configuration[name]);
            if (ttls.Any(ttl => ttl is null)) wrong.Add($"'{key}' ({row.Pattern}) was seen without an expiry; the table says \"{row.Lifetime}\"");
            else if (ttls.Max() is { } longest && longest > bound + TimeSpan.FromSeconds(1))
                wrong.Add($"'{key}' ({row.Pattern}) expires in {longest}, longer than {bound}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // The journeys reach every corner the table describes that a journey can reach.
        foreach (var pattern in new[] { "conv:{<id>}", "conv:{<id>}:log", "conv:{<id>}:cmid", "token:<sha256>", "code:<selector>", "session:<id>",
                     "signin-failures:<sha256>", "audit:<yyyy-mm-dd>", "stats:<yyyy-mm-dd>", "shifts:<yyyy-mm-dd>", "opening-hours", "quick-replies",
                     "page:<language>:<slug>", "desk:<service>:duty", "chats:<user>", "code-failures:<minute>" })
            Assert.True(Service.Seen.Keys.Any(k => inventory.Rows.Single(r => r.Pattern == pattern).Match.IsMatch(k)), $"no journey wrote {pattern}");
    }

    [Fact]
    public void EveryPubSubChannelIsInTheInventory()
    {
        var keys = new RedisKeys("");
        var channels = typeof(RedisKeys).GetProperties().Where(p => p.PropertyType == typeof(RedisChannel))
            .Select(p => (string)(RedisChannel)p.GetValue(keys)!).ToList();
        Assert.NotEmpty(channels);
        var listed = KeyInventory.FromDocs().Channels;
        Assert.True(channels.Except(listed).ToList() is [], $"channels not in docs/privacy.md: {string.Join(", ", channels.Except(listed))}");
    }

    [Fact]
    public async Task AfterTheRetentionNothingOfAnEndedConversationIsLeft()
    {
        Assert.NotEmpty(Service.EndedIds);
        var wait = Service.LastEnd + Retention - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var redis = journeys.App.Get<RedisConnection>();
        // Redis expires keys lazily on access and actively in the background; ask until they are gone or the timeout.
        // The EXISTS of each key left is that access: its answer is not needed.
        await HubEvents.Eventually(async () =>
        {
            var left = RedisHolds.Keys(journeys.App).Where(k => k.StartsWith("conv:", StringComparison.Ordinal) || k.StartsWith("token:", StringComparison.Ordinal)).ToList();
            foreach (var key in left) await redis.Database.KeyExistsAsync(journeys.App.KeyPrefix + key);
            return left;
        }, left => left.Count == 0, "nothing left after the retention", left => string.Join(", ", left));
        var keys = RedisHolds.Keys(journeys.App);
        foreach (var id in Service.EndedIds)
            Assert.DoesNotContain(keys, k => k.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public void NoLogLineAtAnyLevelCarriesTextTokenIdCodePasswordOrAddress()
    {
        var logs = journeys.App.Logs.Lines;
        Assert.Contains(logs, l => l.StartsWith("Debug ", StringComparison.Ordinal)); // every level was on
        Assert.Contains(logs, l => l.Contains("A young person joined the queue", StringComparison.Ordinal)); // the capture works
        // Each text carries a marker word (Q4711): found alone, it means a part of the text leaked. Bare numbers would
        // meet durations and ports in the framework's lines.
        var secrets = Service.Texts.SelectMany(t => t.Split(' ').Select(w => w.Trim(':', ',')).Where(w => w.Length >= 4 && w.Any(char.IsDigit) && w.Any(char.IsLetter)).Append(t))
            .Concat(Service.Tokens).Concat(Service.Tokens.Select(TextRules.HashToken))
            .Concat(Service.ConversationIds)
            .Concat(Service.Codes).Concat(Service.Codes.Select(c => c.Replace("-", "", StringComparison.Ordinal)))
            .Concat(Service.Passwords)
            .Distinct().ToList();
        // The server's own address (it listens on loopback here) may be logged; the caller's, on any port, never.
        var caller = new Regex($@"127\.0\.0\.1(?!:{journeys.App.ClientOptions.BaseAddress.Port}\b)|::1\b|::ffff:127");
        var leaks = (from line in logs from secret in secrets where line.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{secret} in: {line[..Math.Min(line.Length, 300)]}")
            .Concat(logs.Where(l => caller.IsMatch(l)).Select(line => $"an address in: {line[..Math.Min(line.Length, 300)]}")).Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n{string.Join("\n", leaks.Take(30))}");
    }
}
