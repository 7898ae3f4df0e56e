using Chat.Server.Conversations;
using Chat.Server.Queue;
using Chat.Server.Staff;

namespace Chat.Tests.Unit;

public sealed class MatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 20, 0, 0, TimeSpan.Zero);
    private readonly Matching _matching = new(TimeSpan.FromMinutes(3));

    private static QueuedChat Chat(string id, long ticket, string? language = null, string? topic = null,
        Priority priority = Priority.Normal, double waitedMinutes = 1) =>
        new(id, priority, ticket, language, topic, Now - TimeSpan.FromMinutes(waitedMinutes));

    private static OnDutyCounsellor Counsellor(string[]? languages = null, string[]? topics = null, int capacity = 2, int active = 0) =>
        new(new Skills(languages ?? [], topics ?? []), capacity, active);

    [Fact]
    public void TheLongestWaitingChatIsTakenFirst() =>
        Assert.Equal("b", _matching.Next(Counsellor(), [Chat("c", 3), Chat("b", 1), Chat("a", 2)], Now)?.ConversationId);

    [Fact]
    public void ADangerChatGoesBeforeEveryoneWhoCameEarlier() =>
        Assert.Equal("late", _matching.Next(Counsellor(), [Chat("early", 1), Chat("late", 9, priority: Priority.Danger)], Now)?.ConversationId);

    [Fact]
    public void AChatIsOfferedFirstToACounsellorWhoSpeaksItsLanguage()
    {
        var waiting = new[] { Chat("arabic", 1, language: "ar"), Chat("swedish", 2, language: "sv") };
        Assert.Equal("arabic", _matching.Next(Counsellor(languages: ["ar", "sv"]), waiting, Now)?.ConversationId);
        Assert.Equal("swedish", _matching.Next(Counsellor(languages: ["sv"]), waiting, Now)?.ConversationId);
    }

    [Fact]
    public void ACounsellorWhoListedNoSkillsTakesAnything() =>
        Assert.Equal("a", _matching.Next(Counsellor(), [Chat("a", 1, "ar", "exploitation")], Now)?.ConversationId);

    [Fact]
    public void AChatThatSaidNothingMatchesEveryCounsellor() =>
        Assert.Equal("a", _matching.Next(Counsellor(["en"], ["honour-violence"]), [Chat("a", 1)], Now)?.ConversationId);

    [Fact]
    public void BothLanguageAndTopicMustMatchBeforeTheWaitLimit()
    {
        var counsellor = Counsellor(["sv"], ["sexual-abuse"]);
        Assert.Null(_matching.Next(counsellor, [Chat("a", 1, "sv", "exploitation")], Now));
        Assert.Null(_matching.Next(counsellor, [Chat("a", 1, "en", "sexual-abuse")], Now));
        Assert.NotNull(_matching.Next(counsellor, [Chat("a", 1, "sv", "sexual-abuse")], Now));
    }

    [Fact]
    public void AfterTheWaitLimitAChatIsOfferedToAnyoneOnDuty()
    {
        var counsellor = Counsellor(languages: ["sv"]);
        Assert.Null(_matching.Next(counsellor, [Chat("a", 1, "ar", waitedMinutes: 2.9)], Now));
        Assert.Equal("a", _matching.Next(counsellor, [Chat("a", 1, "ar", waitedMinutes: 3)], Now)?.ConversationId);
    }

    [Fact]
    public void ADangerChatIsOfferedToAnyoneAtOnce() =>
        Assert.Equal("a", _matching.Next(Counsellor(languages: ["sv"]),
            [Chat("a", 1, "ar", priority: Priority.Danger, waitedMinutes: 0)], Now)?.ConversationId);

    [Fact]
    public void ACounsellorAtCapacityIsOfferedNothing() =>
        Assert.Null(_matching.Next(Counsellor(capacity: 2, active: 2), [Chat("a", 1, priority: Priority.Danger)], Now));

    [Fact]
    public void AMatchingChatFurtherBackIsTakenBeforeAnEarlierOneStillReservedForOthers() =>
        Assert.Equal("swedish", _matching.Next(Counsellor(languages: ["sv"]),
            [Chat("arabic", 1, "ar"), Chat("swedish", 2, "sv")], Now)?.ConversationId);

    [Theory]
    [InlineData(Priority.Normal, 1L)]
    [InlineData(Priority.Normal, 999_999_999_999L)]
    [InlineData(Priority.Danger, 1L)]
    [InlineData(Priority.Danger, 999_999_999_999L)]
    public void TheQueueScoreKeepsPriorityAndTicket(Priority priority, long ticket)
    {
        var score = QueueScore.Of(priority, ticket);
        Assert.Equal((priority, ticket), (QueueScore.PriorityOf(score), QueueScore.TicketOf(score)));
    }

    [Fact]
    public void AnyDangerScoreSortsBeforeAnyNormalScore() =>
        Assert.True(QueueScore.Of(Priority.Danger, 999_999_999_999) < QueueScore.Of(Priority.Normal, 1));

    [Fact]
    public void SkillsAreKnownCodesInVocabularyOrderWithoutDuplicates()
    {
        var skills = Skills.From(new SkillsRequest(["en", "sv", "en"], ["exploitation", "sexual-abuse"]));
        Assert.Equal(["sv", "en"], skills.Languages);
        Assert.Equal(["sexual-abuse", "exploitation"], skills.Topics);
        Assert.Equal(Skills.None.Languages, Skills.From(null).Languages);
    }

    [Theory]
    [InlineData("xx", null, "invalid-language")]
    [InlineData("", null, "invalid-language")]
    [InlineData("SV", null, "invalid-language")]
    [InlineData(null, "nope", "invalid-topic")]
    [InlineData(null, "sv", "invalid-topic")]
    public void UnknownSkillCodesAreRefused(string? language, string? topic, string code)
    {
        var request = new SkillsRequest(language is null ? [] : [language], topic is null ? [] : [topic]);
        Assert.Equal(code, Assert.Throws<ChatError>(() => Skills.From(request)).Code);
    }

    [Fact]
    public void ANullCodeInAListIsRefused() =>
        Assert.Equal("invalid-topic", Assert.Throws<ChatError>(() => Skills.From(new SkillsRequest([], [null]))).Code);

    [Fact]
    public void StoredSkillsDropCodesThatAreNoLongerKnown() =>
        Assert.Equal(["sv"], Skills.Stored("sv,klingon", "").Languages);
}
