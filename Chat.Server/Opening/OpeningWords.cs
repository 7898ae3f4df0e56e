using System.Globalization;
using Chat.Client.Components.Youth;

namespace Chat.Server.Opening;

// The hours in the coordinators' language (Swedish); the young people's page words them from texts (StatusWords).
public static class OpeningWords
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    // "i dag 18:00", "i morgon 18:00", "måndag 18:00" within a week, else "måndag 28 december 18:00".
    public static string When(DateTime at, DateTime now)
    {
        var days = DateOnly.FromDateTime(at).DayNumber - DateOnly.FromDateTime(now).DayNumber;
        var clock = at.ToString("HH:mm", CultureInfo.InvariantCulture);
        return days switch
        {
            0 => $"i dag {clock}",
            1 => $"i morgon {clock}",
            < 7 => $"{Swedish.DateTimeFormat.GetDayName(at.DayOfWeek)} {clock}",
            _ => $"{Swedish.DateTimeFormat.GetDayName(at.DayOfWeek)} {at.Day} {Swedish.DateTimeFormat.GetMonthName(at.Month)} {clock}",
        };
    }

    // The same for the young people's page, in parts its texts put into words in any language.
    public static LocalWhen Local(DateTime at, DateTime now) => new(
        DateOnly.FromDateTime(at).DayNumber - DateOnly.FromDateTime(now).DayNumber,
        at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), at.ToString("HH:mm", CultureInfo.InvariantCulture));

    public static string Weekday(DayOfWeek day)
    {
        var name = Swedish.DateTimeFormat.GetDayName(day);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    // The refusal codes of OpeningRules, shown beside the field they concern.
    public static string Describe(string code) => code switch
    {
        "invalid-time" => "Skriv passen som 18:00–21:00, flera med kommatecken emellan.",
        "period-ends-before-start" => "Ett pass måste sluta efter att det börjar. Ett nattpass skrivs som 20:00–24:00 och 00:00–02:00 dagen efter.",
        "periods-overlap" => "Passen går omlott. Ett pass får börja där ett annat slutar, men inte före.",
        "too-many-periods" => $"Högst {OpeningRules.MaxPeriodsPerDay} pass per dag.",
        "invalid-date" => "Skriv datumet som 2026-12-24.",
        "duplicate-date" => "Det datumet finns redan i en annan rad. Ett datum kan bara ha ett undantag.",
        "invalid-note" => $"Anteckningen får vara högst {OpeningRules.MaxNoteLength} tecken, på en rad.",
        "too-many-exceptions" => $"Högst {OpeningRules.MaxExceptions} undantag. Ta bort några som inte behövs.",
        "unavailable" => "Öppettiderna går inte att spara just nu. Försök igen om en stund.",
        _ => "Något gick fel. Försök igen.",
    };
}
