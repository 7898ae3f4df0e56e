using Chat.Server.Handover;
using Chat.Server.Staff;

namespace Chat.Server.Conversations;

// The young person's side of handovers and return codes. Every answer is theirs to give, and "no" is fine.
public sealed partial class YouthHub
{
    // The answer is to exactly the proposal shown (its id). shareHistory: the service may read what was written before;
    // serviceMayOpen (by code): the service may open the summary with the code when the young person gives it to them.
    public async Task<Reply<PickupInfo?>> AnswerHandover(HandoverAnswerRequest? request)
    {
        var conversation = await BoundConversation();
        var answered = await desk.Answer(conversation, Context.ConnectionId, request?.OfferId,
            request?.Accept == true, request?.ShareHistory == true, request?.ServiceMayOpen == true);
        HandoverLog.Answered(logger, answered.Accepted);
        await relay.ToStaff([answered.Counsellor], nameof(IStaffClient.HandoverAnswered),
            new HandoverAnsweredEvent(conversation.Id, answered.Accepted, answered.Offer.ServiceName, answered.Gone ? "gone" : answered.Offer.Mode));
        if (answered.Gone) throw HandoverDesk.Refusal("service-gone");
        if (answered.Entry is not null) await relay.Message(conversation.Id, Context.ConnectionId, [answered.Counsellor], answered.Entry);
        if (answered.Accepted && answered.Offer.Mode == "live") await desk.Broadcast(answered.Offer.Service);
        return Reply.Ok(answered.Pickup);
    }

    public async Task<Reply<ReturnCode>> RequestReturnCode()
    {
        var conversation = await BoundConversation();
        var code = await returnCodes.Request(conversation, Context.ConnectionId);
        await relay.ToStaff([conversation.Counsellor], nameof(IStaffClient.ReturnCodeRequested), new ConversationEvent(conversation.Id));
        return Reply.Ok(code);
    }

    public async Task<Reply<ReturnCode>> AnswerReturnNote(bool keep)
    {
        var conversation = await BoundConversation();
        var code = await returnCodes.AnswerNote(conversation, Context.ConnectionId, keep);
        await relay.ToStaff([conversation.Counsellor], nameof(IStaffClient.ReturnNoteAnswered), new ReturnNoteAnsweredEvent(conversation.Id, keep));
        return Reply.Ok(code);
    }

    // Works with or without a chat on this connection: a code written down last week can be deleted from the start page.
    public async Task<Reply<object?>> DeleteCode(string? code)
    {
        var conversation = Bound is { } id ? await store.Find(id) : null;
        await returnCodes.Delete(code, Context.ConnectionId, conversation?.YouthConnection == Context.ConnectionId ? conversation : null);
        return Reply.Ok();
    }

    // A code typed on the start page: a return code (the same counsellor again), or a handover code (straight to
    // that service's desk, if it can take the chat live now).
    private async Task<(ConversationStore.Returning? Returning, ConversationStore.AtDesk? AtDesk)> Arriving(string? code)
    {
        if (string.IsNullOrEmpty(code)) return (null, null);
        var found = await codes.Inspect(code, Context.ConnectionId) ?? throw PickupCodes.Refusal("code-used");
        return found.Kind == CodeRules.Handover
            ? (null, await desk.Arrive(found.Fields, code, Context.ConnectionId))
            : (await returnCodes.Redeem(code, Context.ConnectionId), null);
    }

    private async Task<ConversationRecord> BoundConversation() =>
        await store.Find(RequireBound()) ?? throw ConversationStore.UnknownConversation();
}
