using System.Globalization;
using Chat.Client.Components.Youth;
using Chat.Client.Texts;

namespace Chat.Server.Opening;

// The hours in the coordinators' language (the staff's, Languages:Staff); the young people's page words them from
// its own texts (StatusWords).
public static class OpeningWords
{
    // "i dag 18:00", "i morgon 18:00", "måndag 18:00" within a week, else "måndag 28 december 18:00": the words the
    // young people's page uses (the staff's language holds the young person's file too).
    public static string When(Language words, DateTime at, DateTime now) => StatusWords.When(Local(at, now), words);

    // The parts of a moment on the service's clock, which the young people's page puts into words in any language.
    public static LocalWhen Local(DateTime at, DateTime now) => new(
        DateOnly.FromDateTime(at).DayNumber - DateOnly.FromDateTime(now).DayNumber,
        at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), at.ToString("HH:mm", CultureInfo.InvariantCulture));

    public static string Weekday(Language words, DayOfWeek day)
    {
        var name = words.Culture.DateTimeFormat.GetDayName(day);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    // The refusal codes of OpeningRules, shown beside the field they concern.
    public static string Describe(Language words, string code) => code switch
    {
        "invalid-time" => words["hours.error.invalid-time"],
        "period-ends-before-start" => words["hours.error.period-ends-before-start"],
        "periods-overlap" => words["hours.error.periods-overlap"],
        "too-many-periods" => words.Format("hours.error.too-many-periods", ("max", OpeningRules.MaxPeriodsPerDay)),
        "invalid-date" => words["hours.error.invalid-date"],
        "duplicate-date" => words["hours.error.duplicate-date"],
        "invalid-note" => words.Format("hours.error.invalid-note", ("max", OpeningRules.MaxNoteLength)),
        "too-many-exceptions" => words.Format("hours.error.too-many-exceptions", ("max", OpeningRules.MaxExceptions)),
        "unavailable" => words["hours.error.unavailable"],
        _ => words["hours.error.fallback"],
    };
}
