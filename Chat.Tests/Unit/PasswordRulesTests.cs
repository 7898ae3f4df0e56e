using Chat.Client.Texts;
using Chat.Client.Components.Staff;
using Chat.Server.Staff;

namespace Chat.Tests.Unit;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("en hel mening som lösenord")]
    [InlineData("correct horse battery")]
    [InlineData("tre gröna äpplen i Kiruna")]
    [InlineData("Xq7!bR2#vL9@")]
    [InlineData("katten sover på mattan")]
    [InlineData("abcdefghijkX")]
    [InlineData("ålder är bara en siffra 42")]
    public void GoodPasswordsPass(string password) => Assert.Null(PasswordRules.Problem(password, "ulla", "Ulla Berg"));

    [Theory]
    [InlineData(null, PasswordRules.TooShort)]
    [InlineData("", PasswordRules.TooShort)]
    [InlineData("elva tecken", PasswordRules.TooShort)]
    [InlineData("ulla är bäst i världen", PasswordRules.HasName)]
    [InlineData("ULLA ÄR BÄST I VÄRLDEN", PasswordRules.HasName)]
    [InlineData("hej jag heter ulla berg", PasswordRules.HasName)]
    [InlineData("aaaaaaaaaaaa", PasswordRules.Repeated)]
    [InlineData("            ", PasswordRules.Repeated)]
    [InlineData("abcabcabcabc", PasswordRules.Repeated)]
    [InlineData("12 12 12 12 12 12", PasswordRules.Repeated)]
    [InlineData("abcdefghijklm", PasswordRules.Sequence)]
    [InlineData("zyxwvutsrqpo", PasswordRules.Sequence)]
    [InlineData("1234567890123", PasswordRules.Sequence)]
    [InlineData("9876543210987", PasswordRules.Sequence)]
    [InlineData("123-456-789-012", PasswordRules.Sequence)]
    [InlineData("Password1234", PasswordRules.Common)]
    [InlineData("Sommaren2024!", PasswordRules.Common)]
    [InlineData("qwertyuiopå", null)] // 11 characters: too short first
    [InlineData("qwertyuiopå1", PasswordRules.Common)]
    [InlineData("Jag älskar dig!", PasswordRules.Common)]
    [InlineData("correct horse battery staple", PasswordRules.Common)]
    [InlineData("2024lösenord", PasswordRules.Common)]
    public void WeakPasswordsAreRefusedByTheFirstRuleTheyBreak(string? password, string? code) =>
        Assert.Equal(code ?? PasswordRules.TooShort, PasswordRules.Problem(password, "ulla", "Ulla Berg"));

    [Fact]
    public void TheLimitsAreTwelveToTwoHundredFiftySix()
    {
        Assert.Null(PasswordRules.Problem("a quiet road" + new string('!', 0), "ulla", "Ulla"));
        Assert.Equal(12, "a quiet road".Length);
        Assert.Null(PasswordRules.Problem(string.Concat(Enumerable.Repeat("en lång väg ", 22))[..256], "ulla", "Ulla"));
        Assert.Equal(PasswordRules.TooLong, PasswordRules.Problem(string.Concat(Enumerable.Repeat("en lång väg ", 22))[..257], "ulla", "Ulla"));
    }

    [Fact]
    public void ShortNamesAreNotSearchedFor() =>
        Assert.Null(PasswordRules.Problem("bo ensam i boden", "bo", "Bo"));

    [Fact]
    public void EveryCodeHasSwedishWordsAndTheFormsShowTheRulesOwnLimits()
    {
        Assert.All(PasswordRules.Codes, code => Assert.False(string.IsNullOrWhiteSpace(PasswordWords.Describe(TextCatalog.StaffSwedish, code))));
        Assert.Equal((PasswordRules.MinLength, PasswordRules.MaxLength), (PasswordWords.MinLength, PasswordWords.MaxLength));
        Assert.All(PasswordRules.Codes, code => Assert.Equal(PasswordWords.Describe(TextCatalog.StaffSwedish, code), StaffAuthErrors.Describe(TextCatalog.StaffSwedish, code)));
        Assert.All(PasswordRules.Codes, code => Assert.Equal(PasswordWords.Describe(TextCatalog.StaffSwedish, code), AccountErrors.Describe(TextCatalog.StaffSwedish, code)));
    }
}
