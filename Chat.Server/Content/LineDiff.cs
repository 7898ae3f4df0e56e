namespace Chat.Server.Content;

public enum DiffKind { Same, Removed, Added }

public sealed record DiffLine(DiffKind Kind, string Text);

// What changed between two versions of a page, line by line: the longest common subsequence of lines stays,
// the rest is removed (from the older) or added (in the newer). Pure. The old text is the Same and Removed
// lines in order, the new text the Same and Added lines.
public static class LineDiff
{
    // The LCS table is lines × lines. The common start and end are set aside first, so an edit somewhere in a
    // page costs little; a middle bigger than this is shown as all removed, then all added (still correct).
    public const int MaxCells = 1_000_000;

    public static IReadOnlyList<DiffLine> Compare(string before, string after) => Compare(before, after, MaxCells);

    internal static IReadOnlyList<DiffLine> Compare(string before, string after, int maxCells)
    {
        var (a, b) = (Lines(before), Lines(after));
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)]) end++;

        var diff = new List<DiffLine>(a.Length + b.Length);
        diff.AddRange(a[..start].Select(line => new DiffLine(DiffKind.Same, line)));
        Middle(a[start..^end], b[start..^end], maxCells, diff);
        diff.AddRange(a[^end..].Select(line => new DiffLine(DiffKind.Same, line)));
        return diff;
    }

    // "" has no lines; otherwise the text split at each line break ("a\n" is "a" and an empty last line).
    public static string[] Lines(string text)
    {
        var normal = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return normal.Length == 0 ? [] : normal.Split('\n');
    }

    private static void Middle(string[] a, string[] b, int maxCells, List<DiffLine> diff)
    {
        var (n, m) = (a.Length, b.Length);
        if ((long)(n + 1) * (m + 1) > maxCells)
        {
            diff.AddRange(a.Select(line => new DiffLine(DiffKind.Removed, line)));
            diff.AddRange(b.Select(line => new DiffLine(DiffKind.Added, line)));
            return;
        }
        // common[i * (m + 1) + j]: the length of the longest common subsequence of a[i..] and b[j..].
        var width = m + 1;
        var common = new int[(n + 1) * width];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                common[i * width + j] = a[i] == b[j]
                    ? common[(i + 1) * width + j + 1] + 1
                    : Math.Max(common[(i + 1) * width + j], common[i * width + j + 1]);

        var (x, y) = (0, 0);
        while (x < n && y < m)
        {
            if (a[x] == b[y])
            {
                diff.Add(new(DiffKind.Same, a[x++]));
                y++;
            }
            // Removals before additions where both are as long, so a changed line reads old, then new.
            else if (common[(x + 1) * width + y] >= common[x * width + y + 1]) diff.Add(new(DiffKind.Removed, a[x++]));
            else diff.Add(new(DiffKind.Added, b[y++]));
        }
        while (x < n) diff.Add(new(DiffKind.Removed, a[x++]));
        while (y < m) diff.Add(new(DiffKind.Added, b[y++]));
    }
}
