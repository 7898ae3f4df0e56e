using Microsoft.AspNetCore.Http;

namespace Chat.Server.QuickReplies;

// The form as typed, row by row (language{i}, label{i}, text{i}), so a refused form comes back exactly as sent.
public static class QuickReplyForm
{
    // Blank rows offered below the saved replies, for new ones.
    public const int BlankRows = 3;
    private const int MaxRows = QuickReplyRules.MaxPerLanguage * 3 + BlankRows;

    public static IReadOnlyList<QuickReply> Read(IFormCollection form)
    {
        var rows = int.TryParse(form["rows"], out var count) ? Math.Clamp(count, 0, MaxRows) : 0;
        return [.. Enumerable.Range(0, rows).Select(i => new QuickReply(form[$"language{i}"].ToString(), form[$"label{i}"].ToString(), form[$"text{i}"].ToString()))];
    }

    // The rows to show: those typed or saved (blank ones at the end dropped), then blank ones in Swedish.
    public static IReadOnlyList<QuickReply> RowsToShow(IReadOnlyList<QuickReply> rows) =>
        [.. rows.Take(rows.Count - rows.Reverse().TakeWhile(IsBlank).Count()), .. Enumerable.Repeat(new QuickReply("sv", "", ""), BlankRows)];

    private static bool IsBlank(QuickReply row) => row.Label.Trim().Length == 0 && row.Text.Trim().Length == 0;
}
