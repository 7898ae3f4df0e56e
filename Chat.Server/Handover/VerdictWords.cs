using System.Globalization;

namespace Chat.Server.Handover;

// A verdict's reason in plain Swedish words for the staff console, e.g. "KAST: för personer som är 18 år eller äldre",
// "stängt till måndag 08:00".
public static class VerdictWords
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public static string? Swedish(Verdict verdict) => verdict.Reason is { } reason ? Swedish(reason, verdict.Service.Name) : null;

    public static string Swedish(VerdictReason reason, string service) => reason.Code switch
    {
        ReasonCodes.DirectoryOnly => $"{service}: finns bara i katalogen och tar inte emot överlämningar",
        ReasonCodes.Condition => $"{service}: bara när {reason.Condition}",
        ReasonCodes.Age => $"{service}: {Ages(reason.MinAge, reason.MaxAge)}",
        ReasonCodes.AskAge => $"Fråga hur gammal den unga är: {service} är {Ages(reason.MinAge, reason.MaxAge)}",
        ReasonCodes.Topic => $"{service}: inte för det här ämnet",
        ReasonCodes.Closed => Closed(reason.Until, reason.DaysAhead),
        ReasonCodes.NoMember => $"ingen från {service} är inloggad just nu",
        _ => $"{service}: kan inte ta emot just nu",
    };

    public static string Ages(int? min, int? max) => (min, max) switch
    {
        ({ } from, null) => $"för personer som är {from} år eller äldre",
        (null or 0, { } to) => $"för personer under {to + 1} år",
        ({ } from, { } to) when from == to => $"för personer som är {from} år",
        ({ } from, { } to) => $"för personer som är {from}–{to} år",
        _ => "för alla åldrar",
    };

    // For the directory's list: "öppet nu", "stängt till måndag 08:00" or "öppettider okända".
    public static string OpenNow(WeeklyHours hours, DateTimeOffset now, TimeZoneInfo zone) =>
        !hours.IsKnown ? "öppettider okända"
        : Eligibility.ClosedNow(hours, now, zone) is { } closed ? Closed(closed.Until, closed.DaysAhead)
        : "öppet nu";

    public static string Weekday(DayOfWeek day) => Sv.DateTimeFormat.GetDayName(day);

    private static string Closed(DateTime? until, int daysAhead) => until switch
    {
        null => "stängt hela den närmaste veckan",
        { } at when daysAhead == 0 => $"stängt till {at.ToString("HH:mm", CultureInfo.InvariantCulture)}",
        { } at when daysAhead == 7 => $"stängt till nästa {Weekday(at.DayOfWeek)} {at.ToString("HH:mm", CultureInfo.InvariantCulture)}",
        { } at => $"stängt till {Weekday(at.DayOfWeek)} {at.ToString("HH:mm", CultureInfo.InvariantCulture)}",
    };
}
