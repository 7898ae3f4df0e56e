using Chat.Server.Stats;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// "The same counsellor again": a return code, a note kept only with the young person's yes, and coming back.
public sealed class ReturnCodeTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();
    private static readonly TimeSpan T = ChatApp.Timeout;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Code, Counsellor Ulla)> CodeWithNote(bool keepNote)
    {
        var (youth, ulla, id) = await Youth.Matched(_app);
        await using var _ = youth;
        (await youth.End()).Value();
        var code = (await youth.RequestReturnCode()).Value();
        Assert.Equal(("Name of ulla", ""), (code.CounsellorName, code.Note));
        // Asking again gives the same one, without the code: that is only on the phone, never stored beside the chat.
        Assert.Equal(code with { Code = "" }, (await youth.RequestReturnCode()).Value());
        await RedisHolds.NoCode(_app, code.Code);
        Assert.Equal(id, (await ulla.ReturnCodeRequests.NextAsync(T)).ConversationId);

        (await ulla.ProposeReturnNote(id, "Pratade om skolan och mamma. Hen ville prata om sömnen nästa gång.")).Value();
        Assert.StartsWith("Pratade om skolan", (await youth.NoteOffers.NextAsync(T)).Note);
        var kept = (await youth.AnswerReturnNote(keepNote)).Value();
        Assert.Equal(keepNote, (await ulla.NoteAnswers.NextAsync(T)).Kept);
        Assert.Equal(keepNote ? "Pratade om skolan och mamma. Hen ville prata om sömnen nästa gång." : "", kept.Note);
        Assert.Equal(keepNote, kept.NoteKept);
        (await youth.AnswerReturnNote(true)).Refused("no-offer");
        (await ulla.WrapUp(id, null, null, "support-given")).Value();
        return (code.Code, ulla);
    }

    [Fact]
    public async Task AReturnCodeOffersTheYoungPersonToTheSameCounsellorWithTheKeptNote()
    {
        var (code, ulla) = await CodeWithNote(keepNote: true);
        await using var _ = ulla;
        await using var bertil = await Counsellor.SignIn(_app, "bertil");
        (await bertil.GoOnDuty(1)).Value();

        await using var back = await Youth.Connect(_app);
        var state = (await back.Start(code: code.ToLowerInvariant().Replace("-", " "))).Value();
        Assert.Equal(("Name of ulla", true), (state.ReturnTo!.CounsellorName, state.ReturnTo.OnDuty));
        var note = Assert.Single(state.Messages);
        Assert.Equal(("note", "Name of ulla"), (note.Kind, note.Name));

        Assert.Equal("ulla", (await bertil.QueueOf(1))[0].ForCounsellor);
        (await bertil.TakeNext()).Refused("nothing-waiting");
        var chat = (await ulla.TakeNext()).Value();
        Assert.Contains(chat.Messages, m => m.Kind == "note" && m.Text!.StartsWith("Pratade om skolan"));

        await using var again = await Youth.Connect(_app);
        (await again.Start(code: code)).Refused("code-used");
        var today = await _app.Get<Counters>().Today(); // the service's day (Stockholm), not UTC's
        Assert.Equal((1, 1), (today["return-code-issued"], today["return-code-used"]));
    }

    [Fact]
    public async Task ANoteTheYoungPersonDidNotKeepIsNeverShown()
    {
        var (code, ulla) = await CodeWithNote(keepNote: false);
        await using var _ = ulla;
        await using var back = await Youth.Connect(_app);
        var state = (await back.Start(code: code)).Value();
        Assert.Empty(state.Messages);
        var chat = (await ulla.TakeNext()).Value();
        Assert.DoesNotContain(chat.Messages, m => m.Kind == "note");
    }

    [Fact]
    public async Task WhenTheCounsellorIsOffDutyTheYoungPersonIsToldAndAnyoneMayTakeThem()
    {
        var (code, ulla) = await CodeWithNote(keepNote: true);
        (await ulla.GoOffDuty()).Value();
        await ulla.DisposeAsync();
        await using var bertil = await Counsellor.SignIn(_app, "bertil");
        (await bertil.GoOnDuty(1)).Value();

        await using var back = await Youth.Connect(_app);
        var state = (await back.Start(code: code)).Value();
        Assert.Equal(("Name of ulla", false, null), (state.ReturnTo!.CounsellorName, state.ReturnTo.OnDuty, state.ReturnTo.NextOnDuty));
        // Ulla is not on duty, so nobody else is kept waiting for her: the chat waits as for anyone.
        Assert.Null((await bertil.QueueOf(1))[0].ForCounsellor);
        (await bertil.TakeNext()).Value();
    }

    [Fact]
    public async Task TheYoungPersonCanDeleteTheCodeAndItsNoteAtAnyTime()
    {
        var (code, ulla) = await CodeWithNote(keepNote: true);
        await using var _ = ulla;
        await using var someoneElse = await Youth.Connect(_app);
        (await someoneElse.DeleteCode("ABCD-EFGH-JKMN")).Refused("unknown-code");
        (await someoneElse.DeleteCode(code)).Value();
        (await someoneElse.DeleteCode(code)).Refused("unknown-code");
        await using var back = await Youth.Connect(_app);
        (await back.Start(code: code)).Refused("unknown-code");
    }

    [Fact]
    public async Task BadReturnCodeRequestsAreRefused()
    {
        await using var waiting = await Youth.Connect(_app);
        (await waiting.RequestReturnCode()).Refused("not-started");
        (await waiting.Start()).Value();
        (await waiting.RequestReturnCode()).Refused("no-counsellor");
        (await waiting.AnswerReturnNote(true)).Refused("no-return-code");
        (await waiting.Start(code: "not a code")).Refused("already-started");

        await using var fresh = await Youth.Connect(_app);
        (await fresh.Start(code: "not a code")).Refused("invalid-code");
        (await fresh.Start(code: "ABCD-EFGH-JKMN")).Refused("unknown-code");
        (await waiting.End()).Value();

        var (youth, ulla, id) = await Youth.Matched(_app);
        await using var _1 = youth;
        await using var _2 = ulla;
        (await ulla.ProposeReturnNote(id, "en anteckning")).Refused("no-return-code");
        (await youth.RequestReturnCode()).Value();
        await using var bertil = await Counsellor.SignIn(_app, "bertil");
        (await bertil.ProposeReturnNote(id, "en anteckning")).Refused("not-your-conversation");
        (await ulla.ProposeReturnNote(id, new string('x', 301))).Refused("note-too-long");
        await youth.NoteOffers.ExpectNoneAsync(TimeSpan.FromMilliseconds(300));
    }
}
