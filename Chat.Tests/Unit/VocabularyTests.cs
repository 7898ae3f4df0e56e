using Chat.Server.Conversations;

namespace Chat.Tests.Unit;

public sealed class VocabularyTests
{

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

public sealed class UiVocabularyTests
{
    // The page offers exactly the codes the server accepts, in the same order.
    [Fact]
    public void ThePagesOfferExactlyTheCodesTheServerAccepts()
    {
        Assert.Equal(Vocabulary.Topics, Chat.Client.Components.Shared.Vocabulary.Topics.Select(t => t.Code));
        Assert.Equal(Vocabulary.AgeBands, Chat.Client.Components.Shared.Vocabulary.AgeBands.Select(t => t.Code));
        Assert.Equal(Vocabulary.Languages, Chat.Client.Components.Shared.Vocabulary.Languages.Select(t => t.Code));
        Assert.Equal(Vocabulary.Outcomes, Chat.Client.Components.Shared.Vocabulary.Outcomes.Select(t => t.Code));
    }
}
