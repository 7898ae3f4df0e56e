using Chat.Client.Texts;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Server.Staff;

public sealed record ConversationEvent(string ConversationId);
public sealed record HandoverQueueEvent(string Service, IReadOnlyList<WaitingHandover> Waiting);
public sealed record HandoverAnsweredEvent(string ConversationId, bool Accepted, string ServiceName, string Mode);
public sealed record ReturnNoteAnsweredEvent(string ConversationId, bool Kept);
public sealed record ServicesRequest(string? ConversationId, string? AgeBand);
public sealed record ProposeHandoverRequest(string? ConversationId, string? Service, string? AgeBand, string? Summary);
public sealed record TransferRequest(string? ConversationId, string? ToCounsellor, string? Skill, string? Note);
public sealed record ReturnNoteRequest(string? ConversationId, string? Note);
public sealed record ServiceVerdict(string Service, string Name, string Availability, string? Reason, string Contact);
public sealed record Colleague(string UserName, string DisplayName);

// The staff side of handovers: to a partner service (live or by code), to a colleague or a skill, and the return code.
public sealed partial class StaffHub
{
    // Which services could take this conversation now, and why the others cannot. ageBand: what the counsellor
    // learned in the chat, when the young person chose none.
    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<IReadOnlyList<ServiceVerdict>>> Services(ServicesRequest? request, [FromServices] TextCatalog texts)
    {
        var conversation = await Holding(request?.ConversationId);
        var band = Vocabulary.AgeBand(request?.AgeBand) is { Length: > 0 } stated ? stated : conversation.AgeBand;
        var verdicts = await desk.Assess(conversation, band);
        return Reply.Ok<IReadOnlyList<ServiceVerdict>>(verdicts.Select(v => new ServiceVerdict(
            v.Service.Id, v.Service.Name, v.Availability.ToString().ToLowerInvariant(), VerdictWords.Of(texts.Staff, v), v.Service.Contact)).ToList());
    }

    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<HandoverOffer>> ProposeHandover(ProposeHandoverRequest? request)
    {
        var conversation = await Holding(request?.ConversationId);
        var (offer, youth) = await desk.Propose(conversation, Me, request?.Service, request?.AgeBand, request?.Summary);
        await relay.ToYouthOnly(youth, nameof(IYouthClient.HandoverOffered), offer);
        HandoverLog.Proposed(logger, offer.Mode);
        return Reply.Ok(offer);
    }

    // Once the partner's member has joined and been introduced, the counsellor leaves; the member holds the chat.
    // A member who joined as a guest may also leave again, before that: the handover is then over.
    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<object?>> Leave(string? conversationId)
    {
        var id = TextRules.ConversationId(conversationId);
        var left = await desk.Leave(id, Me, MyName, await MyServiceName());
        await relay.Message(id, left.YouthConnection, [Me, left.Holder], left.Entry);
        await DutyChanged(await duty.Status(Me, MyService));
        return Reply.Ok();
    }

    // Calls off a handover nobody from the service has joined yet: a proposal not answered, or a yes still waiting.
    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<object?>> CancelHandover(string? conversationId)
    {
        var cancelled = await desk.Cancel(await Holding(conversationId), Me);
        await relay.Message(TextRules.ConversationId(conversationId), cancelled.YouthConnection, [Me], cancelled.Entry);
        if (cancelled.Desk.Length > 0) await desk.Broadcast(cancelled.Desk);
        return Reply.Ok();
    }

    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<object?>> Transfer(TransferRequest? request)
    {
        var id = TextRules.ConversationId(request?.ConversationId);
        var to = request?.ToCounsellor is not { Length: > 0 } user ? ""
            : StaffAccounts.IsUserName(user) ? user.ToLowerInvariant() : throw new ChatError("invalid-user-name", "That is not a user name.");
        var skill = request?.Skill is { Length: > 0 } s ? Skills.IsSkill(s) ? s : throw new ChatError("invalid-skill", "A skill is language:<code> or topic:<code>.") : "";
        if ((to.Length > 0) == (skill.Length > 0)) throw new ChatError("invalid-transfer", "Transfer to one colleague or to one skill.");
        if (to == Me) throw new ChatError("invalid-transfer", "Transfer to someone other than yourself.");
        if (to.Length > 0 && !(await duty.OnDuty()).Contains(to)) throw new ChatError("colleague-not-on-duty", "That colleague is not on duty.");
        var note = request?.Note is { Length: > 0 } ? TextRules.Message(request.Note) : "";
        if (note.Length > ReturnCodes.MaxNoteLength) throw new ChatError("note-too-long", $"A note can be at most {ReturnCodes.MaxNoteLength} characters.");
        var moved = await room.Transfer(id, Me, MyName, to, skill, note);
        await relay.Message(id, moved.YouthConnection, [Me], moved.Entry);
        await counters.Count(to.Length > 0 ? "transfer:colleague" : $"transfer:{skill}");
        await DutyChanged(await duty.Status(Me));
        return Reply.Ok();
    }

    // On-duty colleagues a chat can be transferred to.
    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<IReadOnlyList<Colleague>>> Colleagues()
    {
        var colleagues = new List<Colleague>();
        foreach (var user in (await duty.OnDuty()).Where(user => user != Me).Order())
            colleagues.Add(new Colleague(user, await accounts.DisplayNameOf(user) ?? user));
        return Reply.Ok<IReadOnlyList<Colleague>>(colleagues);
    }

    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<object?>> ProposeReturnNote(ReturnNoteRequest? request)
    {
        var conversation = await store.Find(TextRules.ConversationId(request?.ConversationId)) ?? throw ConversationStore.UnknownConversation();
        if (conversation.WrappedUp) throw new ChatError("already-wrapped-up", "A note can be proposed until the chat is wrapped up.");
        var note = await returnCodes.ProposeNote(conversation, Me, request?.Note);
        await relay.ToYouthOnly(conversation.YouthConnection, nameof(IYouthClient.ReturnNoteOffered), new ReturnNoteOfferedEvent(note));
        return Reply.Ok();
    }

    [Authorize(Roles = StaffRoles.Partner)]
    public async Task<Reply<StaffChat>> TakeHandover(string? conversationId)
    {
        var id = TextRules.ConversationId(conversationId);
        var joined = await desk.Take(id, Me, MyName, RequireDesk());
        await relay.Message(id, joined.YouthConnection, [joined.Counsellor, Me], joined.Entry);
        await desk.Broadcast(MyService);
        await DutyChanged(await duty.Status(Me, MyService));
        HandoverLog.Joined(logger);
        return Reply.Ok(ToStaffChat(await store.ReadAs(Me, id)));
    }

    [Authorize(Roles = StaffRoles.Partner)]
    public async Task<Reply<OpenedCode>> OpenCode(string? code) => Reply.Ok(await desk.Open(code, Me, RequireDesk()));

    private async Task<string?> MyServiceName() => MyService.Length > 0 ? (await directory.Find(MyService))?.Name ?? MyService : null;

    private async Task<ConversationRecord> Holding(string? conversationId)
    {
        var conversation = await store.Find(TextRules.ConversationId(conversationId)) ?? throw ConversationStore.UnknownConversation();
        return conversation.Counsellor == Me ? conversation : throw ConversationStore.Refusal("not-your-conversation");
    }
}
