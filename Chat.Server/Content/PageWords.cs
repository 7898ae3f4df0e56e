namespace Chat.Server.Content;

// A field of an editor's form and what is wrong with it (a stable code; PageWords.Describe has the words).
public sealed record PageProblem(string Field, string Code);

// The help pages' editor in the coordinators' language: refusals, language names, times.
public static class PageWords
{
    public const string SlugRule =
        "Adressen skrivs med små bokstäver a–z och siffror, ord skilda med ett bindestreck, till exempel "
        + "”sex-mot-ersattning”. Inga å, ä, ö, stora bokstäver, mellanslag eller andra tecken; högst 80 tecken.";

    public const string TitleRule = "Sidans första rad är dess rubrik, skriven ”# Rubrik” (högst 120 tecken).";

    public static string Describe(string code, int maxLength) => code switch
    {
        "invalid-slug" => SlugRule,
        "invalid-language" => "Välj ett av språken i listan. Sidor kan bara skrivas på de språk tjänsten har.",
        "page-exists" => "Det finns redan en sida med den adressen på det språket. Öppna den i listan i stället.",
        "page-too-large" => $"Sidan är för lång: den får vara högst {maxLength} tecken. Ingenting sparades.",
        "missing-title" => "Sidan saknar rubrik. " + TitleRule,
        "invalid-characters" => "Texten innehåller tecken som inte går att spara (till exempel kontrolltecken). Ta bort dem och försök igen.",
        "conflict" => "Någon annan har sparat sidan sedan du öppnade den. Ingenting skrevs över.",
        "unsaved-changes" => "Texten i rutan är inte sparad. Spara den först (eller ladda om sidan för att släppa ändringarna), förhandsgranska och publicera sedan.",
        "unknown-page" => "Sidan är inte sparad ännu. Spara den först.",
        "unknown-version" => "Den versionen finns inte längre i historiken.",
        "unavailable" => "Sidorna går inte att nå just nu. Försök igen om en stund.",
        _ => "Något gick fel. Försök igen.",
    };

    public static string Language(string code) => code switch
    {
        "sv" => "svenska",
        "en" => "engelska",
        "ar" => "arabiska",
        _ => Chat.Client.Texts.TextCatalog.NameOf(code),
    };

    // Unix milliseconds as the coordinators' local time, e.g. "2026-03-14 09:05".
    public static string Time(long unixMilliseconds, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds), zone).ToString("yyyy-MM-dd HH:mm");
}
