namespace Chat.Server.QuickReplies;

// The refusal codes of QuickReplyRules in the coordinators' language, shown beside the field they concern.
public static class QuickReplyWords
{
    public static string Describe(string code) => code switch
    {
        "invalid-language" => "Välj svenska, engelska eller arabiska.",
        "empty-label" => "Skriv en kort etikett, eller töm båda fälten för att ta bort svaret.",
        "invalid-label" => $"Etiketten får vara högst {QuickReplyRules.MaxLabelLength} tecken, på en rad.",
        "empty-text" => "Skriv texten, eller töm båda fälten för att ta bort svaret.",
        "invalid-text" => $"Texten får vara högst {QuickReplyRules.MaxTextLength} tecken, utan kontrolltecken.",
        "too-many" => $"Högst {QuickReplyRules.MaxPerLanguage} snabbsvar per språk.",
        "unavailable" => "Snabbsvaren går inte att spara just nu. Försök igen om en stund.",
        _ => "Något gick fel. Försök igen.",
    };
}
