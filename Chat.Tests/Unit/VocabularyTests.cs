using Chat.Server.Conversations;

namespace Chat.Tests.Unit;

public sealed class VocabularyTests
{
    [Fact]
    public void EveryTopicInTheReferenceListHasACode() => Assert.Equal(9, Vocabulary.Topics.Count);

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("16-17", "16-17")]
    public void AgeBandIsOptional(string? given, string stored) => Assert.Equal(stored, Vocabulary.AgeBand(given));

    [Theory]
    [InlineData("16-18")]
    [InlineData("16–17")]
    [InlineData("SV")]
    public void LookAlikeCodesAreRefused(string code)
    {
        Assert.Throws<ChatError>(() => Vocabulary.AgeBand(code));
        Assert.Throws<ChatError>(() => Vocabulary.Language(code));
    }

    [Fact]
    public void AWrapUpNeedsAnOutcome() =>
        Assert.Equal("invalid-outcome", Assert.Throws<ChatError>(() => Vocabulary.Outcome(null)).Code);
}
