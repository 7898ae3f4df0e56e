using Chat.Server.Queue;

namespace Chat.Tests.Unit;

public sealed class WaitEstimateTests
{
    private static readonly TimeSpan TwentyMinutes = TimeSpan.FromMinutes(20);

    [Fact]
    public void WithNobodyOnDutyThereIsNoEstimate() => Assert.Null(WaitEstimate.Seconds(1, 0, 0, TwentyMinutes));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(2, 5)]
    public void TheFirstInTurnTakeTheFreePlacesAtOnce(int position, int free) =>
        Assert.Equal(0, WaitEstimate.Seconds(position, free, 6, TwentyMinutes));

    [Theory]
    [InlineData(1, 0, 1, 1200)]  // one counsellor with one chat: about one whole conversation
    [InlineData(1, 0, 4, 300)]   // four places: one frees up about every five minutes
    [InlineData(5, 1, 4, 1200)]  // four still ahead, four places
    [InlineData(3, 0, 2, 1800)]
    public void BeyondTheFreePlacesTheWaitFollowsTheAverageConversation(int position, int free, int total, int seconds) =>
        Assert.Equal(seconds, WaitEstimate.Seconds(position, free, total, TwentyMinutes));

    [Fact]
    public void FurtherBackNeverMeansSooner()
    {
        for (var position = 1; position < 50; position++)
            Assert.True(WaitEstimate.Seconds(position, 2, 7, TwentyMinutes) <= WaitEstimate.Seconds(position + 1, 2, 7, TwentyMinutes));
    }

    [Fact]
    public void AFullRosterStillGivesANumber() => Assert.True(WaitEstimate.Seconds(1, 0, 3, TimeSpan.FromMinutes(9)) > 0);

    [Fact]
    public void AnOutlookEstimatesEachPlace()
    {
        var outlook = new QueueOutlook(FreeCapacity: 1, TotalCapacity: 2, AverageHandling: TimeSpan.FromMinutes(10), OnDuty: []);
        Assert.Equal([0, 300, 600], new[] { 1, 2, 3 }.Select(p => outlook.EstimatedWaitSeconds(p) ?? -1));
    }
}
