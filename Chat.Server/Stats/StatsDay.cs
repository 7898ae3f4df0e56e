namespace Chat.Server.Stats;

// The day a counter belongs to is the date where the service works (DirectoryOptions.TimeZone, Europe/Stockholm):
// a chat at 00:30 Swedish time counts on that Swedish day, not on the UTC day before.
public static class StatsDay
{
    public static DateOnly Of(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(Opening.LocalTime.Of(at, zone));
}
