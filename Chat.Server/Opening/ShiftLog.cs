using System.Text.Json;
using Chat.Server.Handover;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Opening;

// Recorded duty periods for staffing statistics: one list per local day (shifts:<yyyy-mm-dd>), JSON
// {user, desk, from, to} (Unix ms), kept as long as the anonymous statistics. DutyRoster writes them when someone
// goes off duty; this reads them.
public sealed class ShiftLog(RedisConnection redis, IOptions<DirectoryOptions> zone, IOptions<StatsOptions> stats)
{
    private sealed record Stored(string User, string Desk, long From, long To);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TimeZoneInfo Zone => zone.Value.Zone();
    public TimeSpan Retention => stats.Value.Retention;

    // The day lists a period goes into and the entry for each (a period over midnight is split by local day).
    public IReadOnlyList<(RedisKey Key, string Entry)> Entries(DutyPeriod period) =>
        [.. DutyPeriods.ByLocalDay(period, Zone).Select(piece => (redis.Keys.Shifts(piece.Day), JsonSerializer.Serialize(
            new Stored(piece.Piece.User, piece.Piece.Desk, piece.Piece.From.ToUnixTimeMilliseconds(), piece.Piece.To.ToUnixTimeMilliseconds()), Json)))];

    // Every day from `from` to `to`, oldest first.
    public async Task<IReadOnlyList<StaffedDay>> Days(DateOnly from, DateOnly to) =>
        await Task.WhenAll(Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(i => Day(from.AddDays(i))));

    public async Task<StaffedDay> Day(DateOnly day)
    {
        var entries = await redis.Database.ListRangeAsync(redis.Keys.Shifts(day));
        var periods = entries.Select(e => JsonSerializer.Deserialize<Stored>((string)e!, Json)!)
            .Select(s => new DutyPeriod(s.User, s.Desk, DateTimeOffset.FromUnixTimeMilliseconds(s.From), DateTimeOffset.FromUnixTimeMilliseconds(s.To)))
            .ToList();
        return DutyPeriods.Day(day, periods, Zone);
    }
}
