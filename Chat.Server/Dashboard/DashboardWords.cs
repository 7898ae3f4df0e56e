namespace Chat.Server.Dashboard;

// The dashboard's Swedish words, for the server's first rendering; dashboard.js says the same for each update.
public static class DashboardWords
{
    public static string Wait(int? seconds) => seconds is { } s ? Ago(s * 1000L) : "–";

    // "under en minut", "4 min", "1 h 5 min".
    public static string Ago(long milliseconds)
    {
        var minutes = Math.Max(0, milliseconds) / 60_000;
        return minutes < 1 ? "under en minut" : minutes < 60 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60} min";
    }

    public static string Free(int free, int capacity) => $"{free} av {capacity}";

    public static string Clock(long unixMs, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), zone).ToString("HH:mm");

    public static string Holder(DashboardChat chat) => chat.Service is { } service ? $"{chat.Holder}, {service}" : chat.Holder;

    public static IEnumerable<string> Flags(DashboardChat chat)
    {
        if (chat.Danger) yield return "i fara";
        if (chat.Stuck) yield return "inget har hänt på länge";
        if (chat.YouthAway) yield return "den unga är inte ansluten";
        if (chat.WaitingFor is { } service) yield return $"väntar på {service}";
        if (chat.Guest is { } guest) yield return $"{guest} är med";
        if (chat.Observer is { } observer) yield return $"{observer} följer";
    }
}
