using Chat.Server.Content;
using FsCheck;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

// The history's line diff: pure, and exact enough to rebuild either version from it.
public sealed class LineDiffTests
{
    [Fact]
    public void AChangedLineReadsAsTheOldOneRemovedThenTheNewOneAdded()
    {
        var diff = LineDiff.Compare("# Titel\n\nett\ntvå\ntre", "# Titel\n\nett\nTVÅ\ntre\nfyra");

        Assert.Equal(
        [
            new(DiffKind.Same, "# Titel"), new(DiffKind.Same, ""), new(DiffKind.Same, "ett"),
            new(DiffKind.Removed, "två"), new(DiffKind.Added, "TVÅ"),
            new(DiffKind.Same, "tre"), new(DiffKind.Added, "fyra"),
        ], diff);
    }

    [Fact]
    public void TheSameTextHasNoChangesAndAnEmptyTextHasNoLines()
    {
        Assert.All(LineDiff.Compare("a\nb\n", "a\nb\n"), line => Assert.Equal(DiffKind.Same, line.Kind));
        Assert.Empty(LineDiff.Compare("", ""));
        Assert.Equal([new DiffLine(DiffKind.Added, "# Ny")], LineDiff.Compare("", "# Ny"));
        Assert.Equal([new DiffLine(DiffKind.Removed, "# Gammal")], LineDiff.Compare("# Gammal", ""));
    }

    [Fact]
    public void LineBreaksFromABrowserCountAsTheSameLines() =>
        Assert.All(LineDiff.Compare("a\r\nb\r\nc", "a\nb\nc"), line => Assert.Equal(DiffKind.Same, line.Kind));

    [Fact]
    public void ALineMovedDownIsOneRemovalAndOneAdditionNotAWholeRewrite()
    {
        var diff = LineDiff.Compare("a\nb\nc\nd\ne", "b\nc\nd\ne\na");
        Assert.Equal(4, diff.Count(line => line.Kind == DiffKind.Same));
        Assert.Equal([new DiffLine(DiffKind.Removed, "a")], diff.Where(line => line.Kind == DiffKind.Removed));
        Assert.Equal([new DiffLine(DiffKind.Added, "a")], diff.Where(line => line.Kind == DiffKind.Added));
    }

    [Fact]
    public void AMiddleTooBigToCompareIsShownAsRemovedThenAddedAndStillRebuildsBothTexts()
    {
        var before = "start\n" + string.Join('\n', Enumerable.Range(0, 50).Select(i => $"gammal {i}")) + "\nslut";
        var after = "start\n" + string.Join('\n', Enumerable.Range(0, 50).Select(i => i % 2 == 1 ? $"ny {i}" : $"gammal {i}")) + "\nslut";

        var diff = LineDiff.Compare(before, after, maxCells: 100);

        // "start" and "gammal 0" open both, "slut" ends both; the 49 lines between are too many for 100 cells.
        Assert.Equal([DiffKind.Same, DiffKind.Same, .. Enumerable.Repeat(DiffKind.Removed, 49), .. Enumerable.Repeat(DiffKind.Added, 49), DiffKind.Same], diff.Select(l => l.Kind));
        Assert.Equal(after, Apply(before, diff));
        // With room to compare, the unchanged half is found.
        Assert.Equal(25 + 2, LineDiff.Compare(before, after).Count(line => line.Kind == DiffKind.Same));
    }

    [Fact]
    public void ApplyingTheDiffToTheOldTextGivesTheNewText() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
        Prop.ForAll(Arb.From(Texts), Arb.From(Texts), (before, after) => Apply(before, LineDiff.Compare(before, after)) == after));

    [Fact]
    public void TheOldTextIsTheUnchangedAndRemovedLinesInOrder() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
        Prop.ForAll(Arb.From(Texts), Arb.From(Texts), (before, after) =>
            string.Join('\n', LineDiff.Compare(before, after).Where(l => l.Kind != DiffKind.Added).Select(l => l.Text)) == before
));

    [Fact]
    public void TheUnchangedLinesAreALongestCommonSubsequence() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
        Prop.ForAll(Arb.From(Texts), Arb.From(Texts), (before, after) =>
            LineDiff.Compare(before, after).Count(l => l.Kind == DiffKind.Same) == LongestCommon(LineDiff.Lines(before), LineDiff.Lines(after))));

    // Few distinct lines, so texts share many and the diff has real work to do.
    private static readonly Gen<string> Texts =
        Gen.ListOf(Gen.Elements("# Titel", "", "ett", "två", "tre", "<script>x</script>", "  indragen")).Select(lines => string.Join('\n', lines));

    // The diff read as edits on the old text: unchanged and removed lines must be the old lines in order.
    private static string Apply(string before, IReadOnlyList<DiffLine> diff)
    {
        var old = new Queue<string>(LineDiff.Lines(before));
        var result = new List<string>();
        foreach (var line in diff)
        {
            if (line.Kind == DiffKind.Added)
            {
                result.Add(line.Text);
                continue;
            }
            if (!old.TryDequeue(out var expected) || expected != line.Text) throw new InvalidOperationException($"the diff does not fit the old text at \"{line.Text}\"");
            if (line.Kind == DiffKind.Same) result.Add(line.Text);
        }
        if (old.Count > 0) throw new InvalidOperationException("the diff left old lines unread");
        return string.Join('\n', result);
    }

    // The textbook recursion, independent of LineDiff's table.
    private static int LongestCommon(string[] a, string[] b)
    {
        var memo = new Dictionary<(int, int), int>();
        int From(int i, int j)
        {
            if (i == a.Length || j == b.Length) return 0;
            if (memo.TryGetValue((i, j), out var known)) return known;
            return memo[(i, j)] = a[i] == b[j] ? 1 + From(i + 1, j + 1) : Math.Max(From(i + 1, j), From(i, j + 1));
        }
        return From(0, 0);
    }
}
