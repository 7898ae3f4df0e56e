
namespace Chat.Server.Handover;

// In this order when listed: who can take the conversation now, who by code, whose age limit needs asking, who not.
public enum Availability { Live, ByCode, AskAge, Excluded }

// Why a service is not live now or not offered: a stable code with the facts the words need.
// Until is local wall-clock time; DaysAhead counts calendar days from today (0 = later today).
public sealed record VerdictReason(string Code, int? MinAge = null, int? MaxAge = null, string? Condition = null, DateTime? Until = null, int DaysAhead = 0);

public static class ReasonCodes
{
    public const string DirectoryOnly = "directory-only";
    public const string Condition = "condition";
    public const string Age = "age";
    public const string AskAge = "ask-age";
    public const string Topic = "topic";
    public const string Closed = "closed";
    public const string NoMember = "no-member";
}

public sealed record Verdict(PartnerService Service, Availability Availability, VerdictReason? Reason);

// Which services can take a conversation, given its age band and topic, and why not. Pure: no I/O,
// the caller passes the time, the zone the opening hours are in, and who is on duty per service.
public static class Eligibility
{
    // Vocabulary.AgeBands as inclusive ranges; 21-plus has no upper end.
    private static readonly Dictionary<string, (int From, int To)> Bands = new()
    {
        ["under-13"] = (0, 12),
        ["13-15"] = (13, 15),
        ["16-17"] = (16, 17),
        ["18-20"] = (18, 20),
        ["21-plus"] = (21, int.MaxValue),
    };

    public static Verdict Assess(PartnerService service, string ageBand, string topic, DateTimeOffset now, TimeZoneInfo zone, bool memberOnDuty)
    {
        Verdict Excluded(VerdictReason reason) => new(service, Availability.Excluded, reason);

        if (service.Receives == HandoverMode.None) return Excluded(new(ReasonCodes.DirectoryOnly));
        if (!string.IsNullOrWhiteSpace(service.OnlyWhen)) return Excluded(new(ReasonCodes.Condition, Condition: service.OnlyWhen));

        if (service.MinAge is not null || service.MaxAge is not null)
        {
            var (min, max) = (service.MinAge ?? 0, service.MaxAge ?? int.MaxValue);
            var known = Bands.TryGetValue(ageBand, out var band);
            if (known && (band.To < min || band.From > max))
                return Excluded(new(ReasonCodes.Age, service.MinAge, service.MaxAge));
            // Unknown, or some ages of the band are in and some out: only the counsellor can find out.
            if (!known || band.From < min || band.To > max)
                return new(service, Availability.AskAge, new(ReasonCodes.AskAge, service.MinAge, service.MaxAge));
        }

        if (topic is { Length: > 0 } and not "something-else" && service.Topics.Count > 0 && !service.Topics.Contains(topic))
            return Excluded(new(ReasonCodes.Topic));

        if (ClosedNow(service.Hours, now, zone) is { } closed) return new(service, Availability.ByCode, closed);
        if (service.Receives == HandoverMode.Live)
            return memberOnDuty ? new(service, Availability.Live, null) : new(service, Availability.ByCode, new(ReasonCodes.NoMember));
        return new(service, Availability.ByCode, null);
    }

    // Why the hours say closed at this moment, and until when; null when open or when no hours were entered.
    public static VerdictReason? ClosedNow(WeeklyHours hours, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (!hours.IsKnown || hours.IsOpen(local)) return null;
        var opens = hours.NextOpening(local);
        // An opening that starts inside the hour the clocks skip in spring begins when that hour is over, if it is
        // still open then; one that lies wholly inside it never happens, and the next opening after it counts.
        while (opens is { } at && zone.IsInvalidTime(at))
        {
            var after = at.AddMinutes(1);
            opens = hours.IsOpen(after) ? after : hours.NextOpening(after);
        }
        return new(ReasonCodes.Closed, Until: opens, DaysAhead: opens is { } day ? (day.Date - local.Date).Days : 0);
    }

    public static IReadOnlyList<Verdict> For(
        IEnumerable<PartnerService> services, string ageBand, string topic, DateTimeOffset now, TimeZoneInfo zone, Func<string, bool> memberOnDuty) =>
        services.Select(service => Assess(service, ageBand, topic, now, zone, memberOnDuty(service.Id)))
            .OrderBy(verdict => verdict.Availability)
            .ThenBy(verdict => verdict.Service.Name, PartnerService.NameOrder)
            .ToList();
}
