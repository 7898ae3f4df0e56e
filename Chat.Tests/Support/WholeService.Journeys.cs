using Chat.Server.Staff;

namespace Chat.Tests.Support;

public sealed partial class WholeService
{
    // A counsellor takes a new chat; the young person has seen them join.
    private async Task<(Youth Youth, string Id)> NewChat(Counsellor counsellor, string? code = null)
    {
        var youth = await Youth.Connect(app);
        Tokens.Add((await youth.Start(code: code)).Value().Token!);
        var id = (await counsellor.QueueOf(1))[0].ConversationId;
        ConversationIds.Add(id);
        (await counsellor.Take(id)).Value();
        await youth.Next("joined");
        return (youth, id);
    }

    private async Task LiveHandover()
    {
        await Handovers.Live(app, "stodcentrum");
        await app.CreateMember("sara", "stodcentrum");
        await using var sara = await Counsellor.Connect(app, await app.SignIn("sara"));
        (await sara.GoOnDuty(1)).Value();
        await using var ulla = await Counsellor.Connect(app, await app.SignIn("ulla"));
        (await ulla.GoOnDuty(3)).Value();
        var (youth, id) = await NewChat(ulla);
        await using var _ = youth;
        (await youth.Send(Text("Jag heter Kim och går på Björkskolan"))).Value();
        var offer = (await ulla.ProposeHandover(id, "stodcentrum", Text("Sammanfattning Q5150 om Björkskolan"), ageBand: "16-17")).Value();
        await youth.Offers.NextAsync(ChatApp.Timeout);
        (await youth.AnswerHandover(offer.Id, accept: true)).Value();
        await sara.HandoversOf(1);
        await Observe();
        (await sara.TakeHandover(id)).Value();
        (await ulla.Leave(id)).Value();
        (await sara.Send(id, Text("Hej från Stödcentrum Q3141"))).Value();
        await Observe();
        (await sara.End(id)).Value();
        (await sara.WrapUp(id, null, "16-17", "referred")).Value();
        Ended(id);
        (await sara.GoOffDuty()).Value();
        (await ulla.GoOffDuty()).Value();
        await Observe();
    }

    // A handover by code while the service is not live yet, opened by the service, and a second code the young
    // person brings back once it is live, going straight to the service's member.
    private async Task HandoverByCodeWithPickup()
    {
        var stod = await Handovers.Seeded(app, "stodcentrum");
        await app.Get<Chat.Server.Handover.ServiceDirectory>().Save(stod with { Receives = Chat.Server.Handover.HandoverMode.ByCode });
        await using var ulla = await Counsellor.Connect(app, await app.SignIn("ulla"));
        (await ulla.GoOnDuty(3)).Value();
        var codes = new List<string>();
        foreach (var mayOpen in new[] { true, false })
        {
            var (youth, id) = await NewChat(ulla);
            await using var _ = youth;
            var offer = (await ulla.ProposeHandover(id, "stodcentrum", Text($"Kodsammanfattning {(mayOpen ? "Q2718" : "Q1618")}"), ageBand: "16-17")).Value();
            await youth.Offers.NextAsync(ChatApp.Timeout);
            var pickup = (await youth.AnswerHandover(offer.Id, accept: true, serviceMayOpen: mayOpen)).Value()!;
            Codes.Add(pickup.Code);
            codes.Add(pickup.Code);
            await Observe();
            (await ulla.End(id)).Value();
            (await ulla.WrapUp(id, null, "16-17", "referred")).Value();
            Ended(id);
        }
        (await ulla.GoOffDuty()).Value();
        await using var sara = await Counsellor.Connect(app, await app.SignIn("sara"));
        (await sara.OpenCode(codes[0])).Value();
        (await sara.OpenCode("ABCD-EFGH-JKMN")).Refused("unknown-code");
        await Handovers.Live(app, "stodcentrum");
        (await sara.GoOnDuty(1)).Value();
        await using var back = await Youth.Connect(app);
        Tokens.Add((await back.Start(code: codes[1])).Value().Token!);
        var waiting = Assert.Single(await sara.HandoversOf(1));
        ConversationIds.Add(waiting.ConversationId);
        (await sara.TakeHandover(waiting.ConversationId)).Value();
        (await back.Send(Text("Jag kom tillbaka med koden Q9090"))).Value();
        await Observe();
        (await sara.End(waiting.ConversationId)).Value();
        (await sara.WrapUp(waiting.ConversationId, null, "16-17", "referred")).Value();
        Ended(waiting.ConversationId);
        (await sara.GoOffDuty()).Value();
        await Observe();
    }

    private async Task ReturnCode()
    {
        await using var ulla = await Counsellor.Connect(app, await app.SignIn("ulla"));
        (await ulla.GoOnDuty(3)).Value();
        var (youth, id) = await NewChat(ulla);
        await using (youth)
        {
            (await youth.End()).Value();
            var code = (await youth.RequestReturnCode()).Value().Code;
            Codes.Add(code);
            (await ulla.ProposeReturnNote(id, Text("Anteckning om sömnen Q6022"))).Value();
            await youth.NoteOffers.NextAsync(ChatApp.Timeout);
            (await youth.AnswerReturnNote(true)).Value();
            await Observe();
            (await ulla.WrapUp(id, "own-behaviour", null, "support-given")).Value();
            Ended(id);
            await using var back = await Youth.Connect(app);
            Tokens.Add((await back.Start(code: code)).Value().Token!);
            var chat = (await ulla.TakeNext()).Value();
            ConversationIds.Add(chat.ConversationId);
            await back.Next("joined");
            await Observe();
            (await back.End()).Value();
            (await ulla.WrapUp(chat.ConversationId, "own-behaviour", null, "support-given")).Value();
            Ended(chat.ConversationId);
        }
        (await ulla.GoOffDuty()).Value();
        await Observe();
    }
}
