using Chat.Client.Texts;

namespace Chat.Server.QuickReplies;

// The refusal codes of QuickReplyRules in the coordinators' language (the staff's), shown beside the field they concern.
public static class QuickReplyWords
{
    public static string Describe(Language words, string code) => code switch
    {
        "invalid-language" => words["quickReplies.error.invalid-language"],
        "empty-label" => words["quickReplies.error.empty-label"],
        "invalid-label" => words.Format("quickReplies.error.invalid-label", ("max", QuickReplyRules.MaxLabelLength)),
        "empty-text" => words["quickReplies.error.empty-text"],
        "invalid-text" => words.Format("quickReplies.error.invalid-text", ("max", QuickReplyRules.MaxTextLength)),
        "too-many" => words.Format("quickReplies.error.too-many", ("max", QuickReplyRules.MaxPerLanguage)),
        "unavailable" => words["quickReplies.error.unavailable"],
        _ => words["quickReplies.error.fallback"],
    };
}
