using Chat.Client.Components.Youth;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Queue;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Opening;

// Whether the chat is open: within its hours (or none set) a young person may start one; it is "open now" for the
// help pages when, besides, a counsellor is on duty. The zone is the directory's (Directory:TimeZone).
public sealed class ChatOpening(
    OpeningStore store, RedisConnection redis, WaitingRoom room, ServiceDirectory directory,
    IOptions<DirectoryOptions> zone, TimeProvider clock) : IYouthStatus
{
    private DateTime LocalNow => LocalTime.Of(clock.GetUtcNow(), zone.Value.Zone());

    public async Task<bool> WithinHours() => (await store.Get()).Status(LocalNow).Open;

    public async Task RequireWithinHours()
    {
        if (!await WithinHours()) throw new ChatError("chat-closed", "The chat is closed now; GET /youth/status says when it opens.");
    }

    // Null while Redis cannot be reached: the page then says nothing it cannot stand behind.
    public async Task<YouthStatus?> Now()
    {
        try
        {
            var now = LocalNow;
            // The three reads go out together: every open youth page asks for this every minute.
            var hours = store.Get();
            var outlooking = room.Outlook();
            var queued = redis.Database.SortedSetLengthAsync(redis.Keys.Queue);
            var status = (await hours).Status(now);
            var outlook = await outlooking;
            var waiting = await queued;
            return new YouthStatus(status.Open, status.Known, outlook.OnDuty.Count > 0,
                outlook.EstimatedWaitSeconds((int)Math.Min(waiting + 1, int.MaxValue)),
                Ms(status.ClosesAt), Ms(status.NextOpening),
                status.NextOpening is { } opens ? OpeningWords.Local(opens, now) : null,
                status.ClosesAt is { } closes ? OpeningWords.Local(closes, now) : null);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ChatError)
        {
            return null;
        }
    }

    // The directory's services that are open around the clock every day (112 has its own line on the page).
    public async Task<IReadOnlyList<AlwaysOpenService>> AlwaysOpen()
    {
        try
        {
            return [.. (await directory.All())
                .Where(s => s.Id != "112" && s.Hours.IsKnown && WeeklyHours.Week.All(day => s.Hours.On(day)?.IsAroundTheClock == true))
                .Select(s => new AlwaysOpenService(s.Name, s.Contact))];
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ChatError)
        {
            return [];
        }
    }

    private long? Ms(DateTime? local) => local is { } at ? LocalTime.ToInstant(at, zone.Value.Zone()).ToUnixTimeMilliseconds() : null;
}
