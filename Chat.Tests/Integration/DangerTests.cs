using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// "I am in danger right now": the chat jumps the queue and everyone on duty is alerted.
public sealed class DangerTests : ChatTest
{
    [Fact]
    public async Task ADangerChatJumpsTheQueueAndEveryoneOnDutyIsAlerted()
    {
        var ulla = await Staff("ulla", onDuty: true);
        var bertil = await Staff("bertil", onDuty: true, languages: ["sv"]);
        var offDuty = await Staff("kim", onDuty: false);
        var first = await Waiting();
        var second = await Waiting(language: "ar");
        var id = (await bertil.QueueOf(2))[1].ConversationId;

        (await second.Danger()).Value();

        Assert.Equal(id, (await ulla.DangerAlerts.NextAsync(ChatApp.Timeout)).ConversationId);
        Assert.Equal(id, (await bertil.DangerAlerts.NextAsync(ChatApp.Timeout)).ConversationId);
        await second.NextPosition(1);
        await first.NextPosition(2);
        var queue = (await bertil.Snapshot()).Value().Waiting;
        Assert.Equal((id, true), (queue[0].ConversationId, queue[0].Danger));
        Assert.False(queue[1].Danger);

        // Offered to anyone at once, even a counsellor whose skills do not match.
        Assert.Equal(id, (await bertil.TakeNext()).Value().ConversationId);
        await offDuty.DangerAlerts.ExpectNoneAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task DangerInAnOngoingChatIsShownToItsCounsellorAndAlertsOnlyOnce()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        Own(youth);
        Own(counsellor);

        (await youth.Danger()).Value();
        Assert.Equal(id, (await counsellor.DangerAlerts.NextAsync(ChatApp.Timeout)).ConversationId);
        Assert.True(Assert.Single((await counsellor.Snapshot()).Value().Chats).Danger);

        (await youth.Danger()).Value();
        await counsellor.DangerAlerts.ExpectNoneAsync(TimeSpan.FromMilliseconds(300));
        (await youth.Send("jag är rädd")).Value(); // the chat goes on as before
    }

    private async Task<Counsellor> Staff(string userName, bool onDuty, string[]? languages = null)
    {
        var counsellor = await Counsellor.SignIn(App, userName);
        Own(counsellor);
        if (onDuty) (await counsellor.GoOnDuty(2)).Value();
        if (languages is not null) (await counsellor.SetSkills(languages, [])).Value();
        return counsellor;
    }

    private async Task<Youth> Waiting(string? language = null)
    {
        var youth = await Youth.Connect(App);
        Own(youth);
        (await youth.Start(language: language)).Value();
        return youth;
    }
}
