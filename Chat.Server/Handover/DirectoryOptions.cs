namespace Chat.Server.Handover;

public sealed class DirectoryOptions
{
    // The zone the services' opening hours are written in.
    public string TimeZone { get; set; } = "Europe/Stockholm";

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool HasKnownZone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);
}
