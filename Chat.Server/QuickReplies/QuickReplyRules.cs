using Chat.Server.Conversations;

namespace Chat.Server.QuickReplies;

// What a list of quick replies may hold. Pure: the page and the store's callers check here, nothing else.
public static class QuickReplyRules
{
    public const int MaxLabelLength = 40;
    // Well under a message's 2,000: a quick reply is a start the counsellor edits, not a letter.
    public const int MaxTextLength = 1000;
    public const int MaxPerLanguage = 20;

    // Rows as typed (index = row on the form); blank rows are dropped. Returns the replies in language then row order.
    public static (IReadOnlyList<QuickReply> Replies, IReadOnlyList<QuickReplyProblem> Problems) Check(IReadOnlyList<QuickReply> rows)
    {
        var problems = new List<QuickReplyProblem>();
        var replies = new List<QuickReply>();
        for (var i = 0; i < rows.Count; i++)
        {
            var label = rows[i].Label.Trim();
            var text = rows[i].Text.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
            if (label.Length == 0 && text.Length == 0) continue;
            if (!Vocabulary.Languages.Contains(rows[i].Language)) problems.Add(new($"language{i}", "invalid-language"));
            if (label.Length == 0) problems.Add(new($"label{i}", "empty-label"));
            else if (label.Length > MaxLabelLength || label.Contains('\n') || !TextRules.IsPrintable(label)) problems.Add(new($"label{i}", "invalid-label"));
            if (text.Length == 0) problems.Add(new($"text{i}", "empty-text"));
            else if (text.Length > MaxTextLength || !TextRules.IsPrintable(text)) problems.Add(new($"text{i}", "invalid-text"));
            replies.Add(new(rows[i].Language, label, text));
        }
        if (replies.GroupBy(r => r.Language).Any(g => g.Count() > MaxPerLanguage)) problems.Add(new("form", "too-many"));
        // A stable sort: within a language, the rows keep the order they were typed in.
        var languages = Vocabulary.Languages.ToList();
        var ordered = replies.OrderBy(r => languages.IndexOf(r.Language)).ToList();
        return (problems.Count == 0 ? ordered : [], problems);
    }
}
