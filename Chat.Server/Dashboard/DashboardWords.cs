using Chat.Client.Texts;

namespace Chat.Server.Dashboard;

// The dashboard's words in the staff's language, for the server's first rendering; dashboard.js says the same
// (the same keys) for each update.
public static class DashboardWords
{
    public static string Wait(Language words, int? seconds) => seconds is { } s ? Ago(words, s * 1000L) : "–";

    // "under en minut", "4 min", "1 h 5 min".
    public static string Ago(Language words, long milliseconds)
    {
        var minutes = Math.Max(0, milliseconds) / 60_000;
        return minutes < 1 ? words["dashboard.ago.underMinute"]
            : minutes < 60 ? words.Format("dashboard.ago.minutes", ("minutes", minutes))
            : words.Format("dashboard.ago.hours", ("hours", minutes / 60), ("minutes", minutes % 60));
    }

    public static string Free(Language words, int free, int capacity) => words.Format("dashboard.free", ("free", free), ("capacity", capacity));

    public static string Clock(long unixMs, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), zone).ToString("HH:mm");

    public static string Holder(DashboardChat chat) => chat.Service is { } service ? $"{chat.Holder}, {service}" : chat.Holder;

    public static IEnumerable<string> Flags(Language words, DashboardChat chat)
    {
        if (chat.Danger) yield return words["dashboard.flag.danger"];
        if (chat.Stuck) yield return words["dashboard.flag.stuck"];
        if (chat.YouthAway) yield return words["dashboard.flag.youthAway"];
        if (chat.WaitingFor is { } service) yield return words.Format("dashboard.flag.waitingFor", ("service", service));
        if (chat.Guest is { } guest) yield return words.Format("dashboard.flag.guest", ("guest", guest));
        if (chat.Observer is { } observer) yield return words.Format("dashboard.flag.observer", ("observer", observer));
    }
}
