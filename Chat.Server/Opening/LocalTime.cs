namespace Chat.Server.Opening;

// Wall-clock times of the service's zone and the instants they stand for.
public static class LocalTime
{
    public static DateTime Of(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone), DateTimeKind.Unspecified);

    // A wall-clock time the spring change skips (02:30) happens as the clock jumps, at 03:00; one the autumn change
    // repeats happens the first time. So "opens 02:30" opens when that day's clock first reaches it.
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
