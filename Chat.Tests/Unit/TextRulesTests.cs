using Chat.Server.Conversations;

namespace Chat.Tests.Unit;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("hej", "hej")]
    [InlineData("  hej  ", "hej")]
    [InlineData("rad ett\r\nrad två\rrad tre", "rad ett\nrad två\nrad tre")]
    [InlineData("tab\there", "tab\there")]
    [InlineData("مرحبا", "مرحبا")]
    [InlineData("emoji 👋🏽", "emoji 👋🏽")]
    [InlineData("<b>inte fet</b>", "<b>inte fet</b>")]
    public void AcceptedMessagesAreNormalisedButOtherwiseKeptAsWritten(string text, string stored) =>
        Assert.Equal(stored, TextRules.Message(text));

    // A Fact, not a Theory: xunit's serialisation of theory data would repair the broken surrogates.
    private static readonly string[] Refused =
    [
        new string(['b', '\ud800', 'x']),
        new string(['r', '\udc00', '\ud800', 'x']),
        new string(['e', 'n', 'd', '\ud83d']),
        "null \u0000 inside",
        "delete \u007f inside",
        "next line \u0085 inside",
        "escape \u001b[31m red",
    ];

    [Fact]
    public void ControlAndBrokenCharactersAreRefused() => Assert.All(Refused, text =>
        Assert.Equal("invalid-characters", Assert.Throws<ChatError>(() => TextRules.Message(text)).Code));

    [Fact]
    public void TheLimitCountsTheTextAfterTrimming()
    {
        Assert.Equal(2000, TextRules.Message("  " + new string('x', 2000) + "\n").Length);
        Assert.Equal("message-too-long", Assert.Throws<ChatError>(() => TextRules.Message(new string('x', 2001))).Code);
    }

    [Fact]
    public void TokensAre128RandomBitsInBase64Url()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => TextRules.NewToken()).ToList();
        Assert.All(tokens, t => Assert.Equal(t, TextRules.Token(t)));
        Assert.Equal(1000, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(16, Convert.FromBase64String(t.Replace('-', '+').Replace('_', '/') + "==").Length));
    }

    [Fact]
    public void OnlyTheHashOfATokenIsStored()
    {
        var token = TextRules.NewToken();
        var hash = TextRules.HashToken(token);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token, hash);
        Assert.Equal(hash, TextRules.HashToken(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456")]
    [InlineData("0123456789abcdef012345678")]
    [InlineData("0123456789abcdef0123456g")]
    [InlineData("0123456789ABCDEF01234567")]
    public void ConversationIdsAre24LowercaseHexDigits(string? id) =>
        Assert.Equal("invalid-conversation-id", Assert.Throws<ChatError>(() => TextRules.ConversationId(id)).Code);

    [Fact]
    public void NewConversationIdsPassTheirOwnCheck() =>
        Assert.Equal(24, TextRules.ConversationId(TextRules.NewConversationId()).Length);
}
