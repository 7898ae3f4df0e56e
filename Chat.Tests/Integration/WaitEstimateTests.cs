using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The estimated wait a young person sees, from capacity on duty and the assumed or recent handling time.
public sealed class WaitEstimateTests : ChatTest
{
    public WaitEstimateTests() => App = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Queue:AssumedHandlingTime"] = "00:10:00" });

    [Fact]
    public async Task WithNobodyOnDutyTheEstimateIsNullAndItAppearsWhenSomeoneGoesOnDuty()
    {
        var youth = await Connect();
        var started = (await youth.Start()).Value();
        Assert.Equal((1, (int?)null), (started.Position!.Value, started.EstimatedWaitSeconds));

        var counsellor = await Counsellor.SignIn(App, "ulla");
        Own(counsellor);
        (await counsellor.GoOnDuty(1)).Value();
        await youth.NextPosition(p => p.EstimatedWaitSeconds == 0); // a free place: "soon"

        (await counsellor.GoOffDuty()).Value();
        var update = await youth.NextPosition(p => p.EstimatedWaitSeconds is null);
        Assert.Equal(1, update.Position);
    }

    [Fact]
    public async Task WhenEveryPlaceIsTakenTheEstimateFollowsTheHandlingTime()
    {
        var counsellor = await Counsellor.SignIn(App, "ulla");
        Own(counsellor);
        (await counsellor.GoOnDuty(1)).Value();
        var first = await Connect();
        (await first.Start()).Value();
        var id = (await counsellor.TakeNext()).Value().ConversationId;

        string token;
        await using (var second = await Youth.Connect(App))
        {
            token = (await second.Start()).Value().Token;
            // One place, taken; ten assumed minutes. The reply may count places up to a second old (the place was
            // free then); the queue broadcast that follows says it as it is.
            await second.NextPosition(p => p.EstimatedWaitSeconds == 600);
        }
        var resumed = await Connect();
        Assert.Equal(600, (await resumed.Resume(token, takeOver: true)).Value().EstimatedWaitSeconds);

        (await counsellor.End(id)).Value();
        await resumed.NextPosition(p => p.EstimatedWaitSeconds == 0);
    }

    private async Task<Youth> Connect()
    {
        var youth = await Youth.Connect(App);
        Own(youth);
        return youth;
    }
}
