using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Skills, priority and "next" through the real hubs on redis-server.
public sealed class MatchingTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SkillsAreStoredOnTheAccountAndComeBackInTheSnapshot()
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        Assert.Empty((await counsellor.Snapshot()).Value().Skills.Languages);

        var saved = (await counsellor.SetSkills(["ar", "sv", "ar"], ["exploitation"])).Value();
        Assert.Equal(["sv", "ar"], saved.Languages);

        await using var otherTab = await Counsellor.Connect(_app, await _app.SignIn("ulla"));
        var skills = (await otherTab.Snapshot()).Value().Skills;
        Assert.Equal(["sv", "ar"], skills.Languages);
        Assert.Equal(["exploitation"], skills.Topics);
    }

    [Theory]
    [InlineData(new[] { "sv", "xx" }, new string[0], "invalid-language")]
    [InlineData(new[] { "sv" }, new[] { "exploitation", "<script>" }, "invalid-topic")]
    [InlineData(new[] { "sv" }, new[] { "" }, "invalid-topic")]
    public async Task SkillsWithAnUnknownCodeAreRefusedAndNothingChanges(string[] languages, string[] topics, string code)
    {
        await using var counsellor = await Counsellor.SignIn(_app, "ulla");
        (await counsellor.SetSkills(["en"], ["sexual-abuse"])).Value();

        (await counsellor.SetSkills(languages, topics)).Refused(code);

        var skills = (await counsellor.Snapshot()).Value().Skills;
        Assert.Equal(["en"], skills.Languages);
        Assert.Equal(["sexual-abuse"], skills.Topics);
    }
}
