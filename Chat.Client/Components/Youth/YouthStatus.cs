using System.Globalization;
using Chat.Client.Texts;

namespace Chat.Client.Components.Youth;

// Whether a young person can start a chat now, as the page at / shows it and GET /youth/status answers it
// (docs/protocol.md). Open: within the chat's hours, or no hours set. OnDuty: a counsellor is on duty.
// EstimatedWaitSeconds: for someone starting now (null when nobody is on duty). ClosesAt / OpensAt: Unix ms of
// the next change (null: none within two weeks); Closes / Opens: the same on the service's clock, for words in
// any language. Nothing in it is about anyone: no identifiers.
public sealed record YouthStatus(
    bool Open, bool HoursKnown, bool OnDuty, int? EstimatedWaitSeconds, long? ClosesAt, long? OpensAt, LocalWhen? Opens, LocalWhen? Closes);

// A moment on the service's clock: how many days from today, its date (yyyy-MM-dd) and its time (HH:mm).
public sealed record LocalWhen(int InDays, string Date, string Time);

// A service young people can reach at any hour (the directory's services open around the clock every day).
public sealed record AlwaysOpenService(string Name, string Contact);

// The page is a Chat.Client component and the server knows the hours: the server provides this.
public interface IYouthStatus
{
    // Null when it cannot be said now (the store is unreachable).
    Task<YouthStatus?> Now();
    Task<IReadOnlyList<AlwaysOpenService>> AlwaysOpen();
}

// The status in the young person's words, as the page is rendered. youth-opening.js says the same, with the same
// texts, when it refreshes or the language changes (keep them in step).
public static class StatusWords
{
    public static string Open(YouthStatus status, Language texts) =>
        texts[status.OnDuty ? "status.open" : "status.openNobodyOnDuty"]
        + (status.Closes is { } closes ? " " + texts.Format("status.closes", ("when", When(closes, texts))) : "");

    // As youth-view.js estimateText: minutes up to ten, then fives, then "over an hour".
    public static string Wait(YouthStatus status, Language texts)
    {
        if (!status.OnDuty || status.EstimatedWaitSeconds is not { } seconds) return "";
        if (seconds < 60) return texts["wait.soon"];
        var minutes = (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero);
        if (minutes > 60) return texts["wait.overAnHour"];
        var shown = minutes <= 10 ? minutes : (int)Math.Round(minutes / 5.0, MidpointRounding.AwayFromZero) * 5;
        return texts.Plural("wait.minutes", shown);
    }

    public static string Opens(YouthStatus status, Language texts) =>
        status.Opens is { } opens ? texts.Format("status.opens", ("when", When(opens, texts))) : texts["status.opensUnknown"];

    // "i dag 18:00", "i morgon 18:00", "måndag 18:00" within a week, else "tisdag 8 december 09:30".
    public static string When(LocalWhen when, Language texts)
    {
        var date = DateOnly.ParseExact(when.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var culture = texts.Culture;
        var weekday = culture.DateTimeFormat.GetDayName(date.DayOfWeek);
        return when.InDays switch
        {
            0 => texts.Format("when.today", ("time", when.Time)),
            1 => texts.Format("when.tomorrow", ("time", when.Time)),
            < 7 => texts.Format("when.weekday", ("weekday", weekday), ("time", when.Time)),
            _ => texts.Format("when.date", ("weekday", weekday), ("date", $"{date.Day} {culture.DateTimeFormat.GetMonthName(date.Month)}"), ("time", when.Time)),
        };
    }
}
