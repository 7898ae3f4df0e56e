using System.Globalization;
using Chat.Client.Texts;

namespace Chat.Server.Handover;

// A verdict's reason in plain words for the staff console and the directory, in the staff's language, e.g.
// "KAST: för personer som är 18 år eller äldre", "stängt till måndag 08:00".
public static class VerdictWords
{
    public static string? Of(Language words, Verdict verdict) => verdict.Reason is { } reason ? Of(words, reason, verdict.Service.Name) : null;

    public static string Of(Language words, VerdictReason reason, string service) => reason.Code switch
    {
        ReasonCodes.DirectoryOnly => words.Format("directory.verdict.directoryOnly", ("service", service)),
        ReasonCodes.Condition => words.Format("directory.verdict.condition", ("service", service), ("condition", reason.Condition)),
        ReasonCodes.Age => words.Format("directory.verdict.age", ("service", service), ("ages", Ages(words, reason.MinAge, reason.MaxAge))),
        ReasonCodes.AskAge => words.Format("directory.verdict.askAge", ("service", service), ("ages", Ages(words, reason.MinAge, reason.MaxAge))),
        ReasonCodes.Topic => words.Format("directory.verdict.topic", ("service", service)),
        ReasonCodes.Closed => Closed(words, reason.Until, reason.DaysAhead),
        ReasonCodes.NoMember => words.Format("directory.verdict.noMember", ("service", service)),
        _ => words.Format("directory.verdict.other", ("service", service)),
    };

    public static string Ages(Language words, int? min, int? max) => (min, max) switch
    {
        ({ } from, null) => words.Format("directory.ages.from", ("from", from)),
        (null or 0, { } to) => words.Format("directory.ages.under", ("age", to + 1)),
        ({ } from, { } to) when from == to => words.Format("directory.ages.exactly", ("age", from)),
        ({ } from, { } to) => words.Format("directory.ages.range", ("from", from), ("to", to)),
        _ => words["directory.ages.all"],
    };

    // For the directory's list: "öppet nu", "stängt till måndag 08:00" or "öppettider okända".
    public static string OpenNow(Language words, WeeklyHours hours, DateTimeOffset now, TimeZoneInfo zone) =>
        !hours.IsKnown ? words["directory.hours.unknown"]
        : Eligibility.ClosedNow(hours, now, zone) is { } closed ? Closed(words, closed.Until, closed.DaysAhead)
        : words["directory.hours.openNow"];

    public static string Weekday(Language words, DayOfWeek day) => words.Culture.DateTimeFormat.GetDayName(day);

    private static string Closed(Language words, DateTime? until, int daysAhead) => until switch
    {
        null => words["directory.closed.week"],
        { } at when daysAhead == 0 => words.Format("directory.closed.until", ("time", Clock(at))),
        { } at when daysAhead == 7 => words.Format("directory.closed.untilNext", ("weekday", Weekday(words, at.DayOfWeek)), ("time", Clock(at))),
        { } at => words.Format("directory.closed.untilDay", ("weekday", Weekday(words, at.DayOfWeek)), ("time", Clock(at))),
    };

    private static string Clock(DateTime at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);
}
