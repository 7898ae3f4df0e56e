using Chat.Server.Handover;
using Chat.Server.Opening;
using Chat.Server.Privacy;
using Chat.Server.Queue;
using Chat.Server.Staff;
using Chat.Server.Stats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Conversations;

/// <summary>Events the server sends to a young person's connection (docs/protocol.md, youth hub).</summary>
public interface IYouthClient
{
    /// <summary>A transcript entry: text, joined, left or ended. Deduplicate by seq.</summary>
    Task Message(ChatMessage message);

    /// <summary>The young person's place in the queue changed (1 = next).</summary>
    Task QueuePosition(QueuePositionEvent position);

    /// <summary>The counsellor started or stopped typing.</summary>
    Task Typing(TypingEvent typing);

    /// <summary>Another connection took over this conversation; this one can no longer act on it.</summary>
    Task SessionMoved();

    /// <summary>The counsellor proposes a handover: exactly this service and summary. Answer with AnswerHandover.</summary>
    Task HandoverOffered(HandoverOffer offer);

    /// <summary>The counsellor proposes a note to keep with the return code. Answer with AnswerReturnNote.</summary>
    Task ReturnNoteOffered(ReturnNoteOfferedEvent note);
}

// Anonymous front door. A connection acts only on the conversation it started or resumed,
// so no method takes a conversation id.
public sealed partial class YouthHub(
    ConversationStore store, WaitingRoom room, QueueBroadcaster queue, Relay relay, Counters counters, DutyRoster duty,
    HandoverDesk desk, ReturnCodes returnCodes, PickupCodes codes, YouthLeaving leaving, ChatOpening opening, ILogger<YouthHub> logger)
    : Hub<IYouthClient>
{
    private const string BoundKey = "conversation";

    private string? Bound
    {
        get => Context.Items.TryGetValue(BoundKey, out var id) ? id as string : null;
        set => Context.Items[BoundKey] = value;
    }

    private string RequireBound() => Bound ?? throw new ChatError("not-started", "Start or resume a chat first.");

    // A connection holds one live chat at a time; once it has ended, the same page may start another.
    // Outside the chat's opening hours nobody starts one (with a code neither, so no code is used up); whoever
    // already waits or chats goes on.
    public async Task<Reply<YouthState>> Start(StartRequest? request, [FromServices] FloodGate flood)
    {
        if (Bound is { } bound && (await store.Find(bound))?.State is "waiting" or "active") throw AlreadyStarted();
        await opening.RequireWithinHours();
        var topic = Vocabulary.Topic(request?.Topic);
        var language = Vocabulary.Language(request?.Language);
        var ageBand = Vocabulary.AgeBand(request?.AgeBand);
        await flood.AdmitStart(Context.GetHttpContext());
        var (returning, atDesk) = await Arriving(request?.Code);
        // Meant for that counsellor only while they are on duty; otherwise nobody is kept waiting for them.
        var returnOnDuty = returning is not null && (await duty.OnDuty()).Contains(returning.Counsellor);
        var meantFor = returning is null || returnOnDuty ? returning : returning with { Counsellor = "" };
        var started = await store.Start(topic, language, ageBand, Context.ConnectionId, meantFor, atDesk, flood.ClientOf(Context.GetHttpContext()));
        Bound = started.Id;
        if (atDesk is not null) await desk.Broadcast(atDesk.Service);
        else queue.Request();
        ConversationLog.Queued(logger);
        var position = atDesk is null ? started.Position : (int?)null;
        var estimate = position is { } place ? (await room.Outlook()).EstimatedWaitSeconds(place) : null;
        var messages = returning is null && atDesk is null ? [] : (await store.Read(started.Id, 0)).Messages;
        return Reply.Ok(new YouthState(started.Token, "waiting", position, null, messages, false, estimate)
        {
            ReturnTo = returning is null ? null : new ReturnTo(returning.CounsellorName, returnOnDuty),
            WaitingFor = atDesk?.ServiceName,
        });
    }

    public async Task<Reply<YouthState>> Resume(ResumeRequest? request, [FromServices] FloodGate flood)
    {
        if (Bound is not null) throw AlreadyStarted();
        var token = TextRules.Token(request?.Token);
        var id = await store.FindByToken(token) ?? throw await flood.WrongToken(Context.GetHttpContext());
        await flood.RequireNotBlocked(id);
        var previous = await store.Attach(id, Context.ConnectionId, request!.TakeOver);
        var (conversation, messages) = await store.Read(id, request.AfterSeq);
        Bound = id;
        if (previous.Length > 0 && previous != Context.ConnectionId) await relay.SessionMoved(previous);
        var position = conversation.State == "waiting" ? await room.Position(id) : null;
        var counsellor = conversation.State == "active" ? ConversationRecord.Blank(conversation.CounsellorName) : null;
        var estimate = position is { } place ? (await room.Outlook()).EstimatedWaitSeconds(place) : null;
        return Reply.Ok(new YouthState(token, conversation.State, position, counsellor, messages, conversation.Rated, estimate)
        {
            Offer = HandoverDesk.PendingOffer(conversation),
            Pickup = HandoverDesk.Pickup(conversation),
            ReturnCode = ReturnCodes.Of(conversation),
            ReturnNoteOffer = ConversationRecord.Blank(conversation.ReturnNoteOffer),
            WaitingFor = conversation.State == "waiting" ? ConversationRecord.Blank(conversation.Fields.GetValueOrDefault("handoverServiceName", "")) : null,
        });
    }

    public async Task<Reply<SendResult>> Send(SendRequest? request, [FromServices] FloodGate flood)
    {
        var id = RequireBound();
        var clientMessageId = TextRules.ClientMessageId(request?.ClientMessageId);
        var text = TextRules.Message(request?.Text);
        PersonalDetails.RequireConsent(text, request!.Confirmed);
        var appended = await store.AppendText(id, "youth", Context.ConnectionId, null, clientMessageId, text, quota: flood.Quota(Context.GetHttpContext()));
        if (appended.IsNew) await relay.Message(id, appended.YouthConnection, appended.Audience, appended.Message);
        return Reply.Ok(new SendResult(appended.Message.Seq));
    }

    public async Task<Reply<object?>> Typing(bool isTyping)
    {
        var id = RequireBound();
        var conversation = await store.Find(id) ?? throw ConversationStore.UnknownConversation();
        if (conversation.YouthConnection != Context.ConnectionId) throw ConversationStore.Refusal("session-moved");
        if (conversation.State != "active") throw ConversationStore.Refusal("not-active");
        await relay.YouthTyping(id, conversation.Staff, isTyping);
        return Reply.Ok();
    }

    public async Task<Reply<object?>> End()
    {
        await leaving.End(RequireBound(), Context.ConnectionId);
        return Reply.Ok();
    }

    // Alerts everyone on duty (and the staff in the chat) the first time; pressing again changes nothing. A chat that
    // waits at a partner service's desk alerts that desk's members instead, and moves ahead there.
    public async Task<Reply<object?>> Danger()
    {
        var id = RequireBound();
        var raised = await room.RaiseDanger(id, Context.ConnectionId);
        if (!raised.IsNew) return Reply.Ok();
        QueueLog.DangerRaised(logger);
        var conversation = await store.Find(id);
        var inChat = conversation?.Staff ?? [];
        IEnumerable<string> alerted;
        if (conversation is { HandoverService.Length: > 0 } atDesk) alerted = (await desk.DangerAtDesk(atDesk.HandoverService, id)).Concat(inChat);
        else
        {
            if (raised.State == "waiting") queue.Request();
            alerted = (await duty.OnDuty()).Concat(inChat);
        }
        await relay.DangerAlert(alerted.Where(user => user.Length > 0).Distinct().ToList(), new DangerAlertEvent(id));
        return Reply.Ok();
    }

    public async Task<Reply<object?>> Rate(int score)
    {
        await counters.Rate(RequireBound(), Context.ConnectionId, score);
        return Reply.Ok();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Bound is { } id) await store.Detach(id, Context.ConnectionId);
    }

    private static ChatError AlreadyStarted() =>
        new("already-started", "This connection already has a chat. Open a new page to start another.");
}
