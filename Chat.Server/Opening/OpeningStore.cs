using System.Text.Json;
using Chat.Server.Storage;
using Chat.Server.Staff;

namespace Chat.Server.Opening;

// The chat's opening hours: one JSON value (key opening-hours), absent while unknown. Public facts about the
// service, nothing about young people or staff; who changed them is in the audit log.
public sealed class OpeningStore(RedisConnection redis, AuditLog audit)
{
    private sealed record StoredException(string Date, List<string> Periods, string Note);
    private sealed record Stored(List<List<string>> Week, List<StoredException> Exceptions);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<OpeningHours> Get()
    {
        var value = await redis.Database.StringGetAsync(redis.Keys.OpeningHours);
        if (value.IsNullOrEmpty) return OpeningHours.Unknown;
        var stored = JsonSerializer.Deserialize<Stored>((string)value!, Json)!;
        return OpeningHours.Of(
            [.. stored.Week.Select(day => Periods(day))],
            stored.Exceptions.Select(e => new OpeningException(DateOnly.Parse(e.Date), Periods(e.Periods), e.Note)));
    }

    // Hours already checked by OpeningRules; unknown hours remove the key (the chat goes back to "open when someone is on duty").
    public async Task Save(OpeningHours hours, string actor)
    {
        if (hours.IsKnown)
        {
            var stored = new Stored(
                [.. OpeningHours.Week.Select(day => hours.Weekday(day).Select(Text).ToList())],
                [.. hours.Exceptions.Select(e => new StoredException(e.Date.ToString("yyyy-MM-dd"), [.. e.Periods.Select(Text)], e.Note))]);
            await redis.Database.StringSetAsync(redis.Keys.OpeningHours, JsonSerializer.Serialize(stored, Json));
        }
        else await redis.Database.KeyDeleteAsync(redis.Keys.OpeningHours);
        await audit.Record(actor, AuditActions.OpeningHoursChanged, "opening-hours");
    }

    private static string Text(OpeningPeriod period) => $"{OpeningPeriod.Clock(period.From)}-{OpeningPeriod.Clock(period.To)}";

    private static List<OpeningPeriod> Periods(List<string> texts) =>
        [.. texts.Select(t => t.Split('-')).Select(p => new OpeningPeriod(OpeningPeriod.Minutes(p[0], false)!.Value, OpeningPeriod.Minutes(p[1], true)!.Value))];
}
