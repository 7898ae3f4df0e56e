namespace Chat.Server.Handover;

// The refusal codes of the directory in the coordinators' language, shown beside the field they concern.
public static class DirectoryErrors
{
    public static string Describe(string code) => code switch
    {
        "invalid-service-name" => $"Skriv ett namn på 1–{ServiceRules.MaxNameLength} tecken, på en rad.",
        "invalid-service-id" => "Namnet behöver minst en bokstav a–z eller en siffra, så att tjänsten får en adress.",
        "invalid-offers" or "invalid-for-whom" or "invalid-condition" => $"Texten får vara högst {ServiceRules.MaxTextLength} tecken, utan kontrolltecken.",
        "invalid-contact" => $"Kontaktuppgifterna får vara högst {ServiceRules.MaxContactLength} tecken, utan kontrolltecken.",
        "invalid-age" => $"Skriv en ålder från 0 till {ServiceRules.MaxAge} i hela år, eller lämna fältet tomt.",
        "invalid-age-range" => "Den lägsta åldern kan inte vara högre än den högsta.",
        "invalid-topic" => "Välj bara bland ämnena i listan.",
        "invalid-language" => "Välj bara bland språken i listan.",
        "invalid-hours" => "Ange när det öppnar och stänger; stängningstiden ska vara senare (00:00 betyder midnatt).",
        "invalid-receives" => "Välj hur tjänsten tar emot överlämningar.",
        "service-exists" => "Det finns redan en tjänst med det namnet i katalogen.",
        "unknown-service" => "Tjänsten finns inte längre i katalogen. Någon kan ha tagit bort den.",
        "unavailable" => "Katalogen går inte att nå just nu. Försök igen om en stund.",
        _ => "Något gick fel. Försök igen.",
    };
}
