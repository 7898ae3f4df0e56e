using Chat.Server.Handover;
using FsCheck;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

public sealed class CodeRulesTests
{
    [Fact]
    public void TheAlphabetHas31SymbolsNoneOfThemEasyToMisread()
    {
        Assert.Equal(31, CodeRules.Alphabet.Distinct().Count());
        Assert.All("0O1IL", c => Assert.DoesNotContain(c, CodeRules.Alphabet));
        Assert.All(CodeRules.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }

    [Fact]
    public void ANewCodeIsTwelveCharactersOfTheAlphabetShownInGroupsOfFour()
    {
        var code = CodeRules.New();
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$", code);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$", CodeRules.Format(code));
        Assert.Equal("ABCD-2345-EFGH", CodeRules.Format("ABCD2345EFGH"));
        Assert.Equal("ABCD", CodeRules.Selector("ABCD2345EFGH"));
    }

    [Theory]
    [InlineData("ABCD-2345-EFGH")]
    [InlineData("abcd-2345-efgh")]
    [InlineData("abcd2345efgh")]
    [InlineData("  ab cd 23 45 ef gh  ")]
    [InlineData("Abcd - 2345 - eFGh\n")]
    [InlineData("ABCD\u20132345\u2014EFGH")] // en and em dash, as a phone's autocorrect makes them
    [InlineData("ABCD\u22122345\u00adEFGH\u200b")] // minus sign, soft hyphen, zero-width space from a paste
    [InlineData("ＡＢＣＤ－２３４５－ＥＦＧＨ")] // full-width
    [InlineData("\u0410\u0412\u0421D-2345-\u0415FGH")] // Cyrillic А В С and Е from another keyboard
    [InlineData("\u0430\u0432\u0441d-2345-\u0435fgh")] // and their lower case
    [InlineData("\u0391\u0392CD-2345-\u0395FGH")] // Greek Α Β and Ε
    public void TypedCodesAreReadWhateverTheCaseSpacingAndDashes(string typed) =>
        Assert.Equal("ABCD2345EFGH", CodeRules.Normalize(typed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCD-2345-EFG")] // 11
    [InlineData("ABCD-2345-EFGHJ")] // 13
    [InlineData("ABCD-2345-EFG0")] // never in a code: 0, O, 1, I, L
    [InlineData("ABCD-2345-EFGO")]
    [InlineData("ABCD-2345-EFGo")]
    [InlineData("ABCD-2345-EFG1")]
    [InlineData("ABCD-2345-EFGI")]
    [InlineData("ABCD-2345-EFGl")]
    [InlineData("ABCD-2345-EFG\u041e")] // Cyrillic О looks like O, which no code has
    [InlineData("ABCD-2345-EFG!")]
    [InlineData("ABCD.2345.EFGH")]
    [InlineData("ÅBCD-2345-EFGH")]
    [InlineData("ABCD-2345-EFGH; DROP")]
    [InlineData("*")]
    public void AnythingThatCannotBeACodeIsRefused(string typed) => Assert.Null(CodeRules.Normalize(typed));

    [Fact]
    public void NullAndLongInputAreRefusedEvenAroundAValidCode()
    {
        Assert.Null(CodeRules.Normalize(null));
        Assert.Equal("ABCD2345EFGH", CodeRules.Normalize("ABCD2345EFGH".PadLeft(64)));
        Assert.Null(CodeRules.Normalize("ABCD2345EFGH".PadLeft(65)));
        Assert.Null(CodeRules.Normalize(new string(['A', 'B', 'C', 'D', '\ud800', '2', '3', '4', '5', 'E', 'F', 'G', 'H'])));
    }

    [Fact]
    public void OnlyNormalizedCodesCanBeFormatted()
    {
        Assert.Throws<ArgumentException>(() => CodeRules.Format("abcd2345efgh"));
        Assert.Throws<ArgumentException>(() => CodeRules.Format("ABCD-2345-EFGH"));
        Assert.Throws<ArgumentException>(() => CodeRules.Selector("ABC"));
    }

    [Fact]
    public void FormattedOrRetypedCodesNormalizeToThemselves() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Codes, code =>
            CodeRules.Normalize(CodeRules.Format(code)) == code
            && CodeRules.Normalize(CodeRules.Format(code).ToLowerInvariant().Replace("-", " ")) == code
            && CodeRules.Normalize(code) == code));

    [Fact]
    public void TheVerifierMatchesOnlyItsOwnCode() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Codes, Codes, (code, other) =>
        {
            var verifier = CodeRules.Verifier(code);
            return verifier.Length == 64
                && CodeRules.VerifierMatches(code, verifier)
                && CodeRules.VerifierMatches(other, verifier) == (other == code)
                && !CodeRules.VerifierMatches(code, null)
                && !CodeRules.VerifierMatches(code, verifier[..63])
                && !CodeRules.VerifierMatches(code, verifier[..62] + "zz");
        }));

    [Fact]
    public void GeneratedCodesUseEverySymbolEquallyOften()
    {
        // 372,000 symbols, 12,000 expected each. A modulo-biased generator (256 % 31 = 8) would score about 900;
        // a fair one scores above 100 with probability 2·10⁻⁹ (chi-square, 30 degrees of freedom).
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 31_000; i++)
            foreach (var c in CodeRules.New()) counts[c] = counts.GetValueOrDefault(c) + 1;

        Assert.Equal(CodeRules.Alphabet.Order(), counts.Keys.Order());
        var expected = 31_000 * 12 / 31.0;
        var chiSquare = counts.Values.Sum(n => (n - expected) * (n - expected) / expected);
        Assert.True(chiSquare < 100, $"chi-square {chiSquare:F1} over 30 degrees of freedom");
    }

    [Fact]
    public void OnlyHandoverAndReturnAreKinds()
    {
        Assert.True(CodeRules.IsKind("handover"));
        Assert.True(CodeRules.IsKind("return"));
        Assert.False(CodeRules.IsKind("Handover"));
        Assert.False(CodeRules.IsKind(null));
    }

    private static readonly Arbitrary<string> Codes = Arb.From(
        Gen.ArrayOf(Gen.Elements(CodeRules.Alphabet.ToCharArray()), CodeRules.Length).Select(c => new string(c)));
}
