using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// A phone that drops off the network while waiting keeps its place for a while, and only for a while.
public sealed class QueueGraceTests
{
    private static ChatApp App(string grace) => ChatApp.OnSharedRedis(new Dictionary<string, string?>
    {
        ["Queue:Grace"] = grace,
        ["Queue:SweepInterval"] = "00:00:00.200",
    });

    [Fact]
    public async Task AYoungPersonWhoDropsOffWhileWaitingKeepsTheirPlaceWithinTheGracePeriod()
    {
        await using var app = App("00:01:00");
        await using var counsellor = await Counsellor.SignIn(app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        var first = await Youth.Connect(app);
        var token = (await first.Start()).Value().Token;
        await using var second = await Youth.Connect(app);
        (await second.Start()).Value();
        await counsellor.QueueOf(2);

        await first.DisposeAsync();
        await Task.Delay(1000); // several sweeps
        Assert.Equal(2, (await counsellor.Snapshot()).Value().Waiting.Count);

        await using var back = await Youth.Connect(app);
        var state = (await back.Resume(token)).Value();
        Assert.Equal(("waiting", 1), (state.State, state.Position));
    }

    [Fact]
    public async Task AYoungPersonWhoStaysAwayPastTheGracePeriodLeavesTheQueue()
    {
        await using var app = App("00:00:00.500");
        await using var counsellor = await Counsellor.SignIn(app, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        var gone = await Youth.Connect(app);
        var token = (await gone.Start()).Value().Token;
        await using var staying = await Youth.Connect(app);
        (await staying.Start()).Value();
        await counsellor.QueueOf(2);

        await gone.DisposeAsync();
        Assert.Single(await counsellor.QueueOf(1));
        await staying.NextPosition(1);

        await using var late = await Youth.Connect(app);
        Assert.Equal("ended", (await late.Resume(token)).Value().State);
        (await counsellor.TakeNext()).Value();
    }

    [Fact]
    public async Task ComingBackInTimeCancelsTheGraceEvenIfTheConnectionDropsAgainLater()
    {
        await using var app = App("00:00:03");
        await using var counsellor = await Counsellor.SignIn(app, "ulla");
        var first = await Youth.Connect(app);
        var token = (await first.Start()).Value().Token;
        await first.DisposeAsync();

        await using var back = await Youth.Connect(app);
        (await back.Resume(token)).Value();
        await Task.Delay(3500);
        Assert.Single((await counsellor.Snapshot()).Value().Waiting);
    }
}
