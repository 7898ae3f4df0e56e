using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Queue;
using Chat.Server.ScaleOut;
using Chat.Server.Stats;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Staff;

/// <summary>Events the server sends to every connection of a counsellor (docs/protocol.md, staff hub).</summary>
public interface IStaffClient
{
    /// <summary>The whole queue, oldest first; sent to on-duty counsellors after every change.</summary>
    Task QueueChanged(QueueChangedEvent queue);

    /// <summary>A transcript entry in one of the counsellor's conversations.</summary>
    Task Message(StaffMessageEvent message);

    /// <summary>The young person in one of the counsellor's conversations started or stopped typing.</summary>
    Task Typing(StaffTypingEvent typing);

    /// <summary>The counsellor's duty status changed (from any of their tabs).</summary>
    Task DutyChanged(DutyStatus status);

    /// <summary>A young person pressed "I am in danger right now"; sent once per conversation to everyone on duty.</summary>
    Task DangerAlert(DangerAlertEvent alert);

    /// <summary>The live handovers waiting at the member's service desk (members on duty only).</summary>
    Task HandoverQueueChanged(HandoverQueueEvent queue);

    /// <summary>The young person answered the counsellor's handover proposal.</summary>
    Task HandoverAnswered(HandoverAnsweredEvent answer);

    /// <summary>The young person asked for a return code; the counsellor may propose a note to keep with it.</summary>
    Task ReturnCodeRequested(ConversationEvent conversation);

    /// <summary>The young person kept, or did not keep, the proposed note.</summary>
    Task ReturnNoteAnswered(ReturnNoteAnsweredEvent answer);

    /// <summary>The floor now, to coordinators watching the dashboard (every few seconds, and after a coordinator acts).</summary>
    Task DashboardChanged(Dashboard.DashboardState state);

    /// <summary>A coordinator started (Observer: their name) or stopped (null) following one of the staff member's chats.</summary>
    Task ObserverChanged(ObserverChangedEvent change);
}

public sealed record StaffMessageEvent(string ConversationId, ChatMessage Message);
public sealed record StaffTypingEvent(string ConversationId, bool IsTyping);
public sealed record DangerAlertEvent(string ConversationId);
public sealed record StaffSendRequest(string? ConversationId, string? ClientMessageId, string? Text);
public sealed record WrapUpRequest(string? ConversationId, string? Topic, string? AgeBand, string? Outcome);
public sealed record StaffChat(
    string ConversationId, string? Topic, string? Language, string? AgeBand, string State, bool WrappedUp, IReadOnlyList<ChatMessage> Messages, bool Danger)
{
    public bool Holder { get; init; } = true;
    public bool CanHandOver { get; init; }
    public string? Guest { get; init; }
    public string? Proposed { get; init; }
    public string? WaitingFor { get; init; }
    public bool ReturnCode { get; init; }
    public string? Observer { get; init; }
}
// Service: the partner service the signed-in member speaks for (null for this service's counsellors);
// Handovers: the live handovers waiting at that service's desk.
// Self: the caller's staff tag, as on their own transcript entries (ChatMessage.StaffId).
public sealed record ConsoleState(
    DutyStatus Duty, IReadOnlyList<WaitingChat> Waiting, long QueueVersion, IReadOnlyList<StaffChat> Chats, Skills Skills,
    string? Service = null, IReadOnlyList<WaitingHandover>? Handovers = null)
{
    public string Self { get; init; } = "";
}
public sealed record QueueChangedEvent(long Version, IReadOnlyList<WaitingChat> Waiting);

// Authenticated front door for staff: the class attribute admits every staff role to connect; each method names
// the roles it serves (StaffMethodGuard refuses a method that does not). Every desk method acts only on the
// caller's own conversations, or their own service's desk.
[Authorize(Roles = StaffRoles.Anyone)]
public sealed partial class StaffHub(
    DutyRoster duty, WaitingRoom room, ConversationStore store, QueueBroadcaster queue, Relay relay, Counters counters,
    StaffAccounts accounts, Matchmaker matchmaker, HandoverDesk desk, ReturnCodes returnCodes, ServiceDirectory directory,
    ILogger<StaffHub> logger)
    : Hub<IStaffClient>
{
    private string Me => Context.UserIdentifier!;

    // Pushes to a member of staff go to the group named for them (Delivery.UserGroup), which SignalR finds directly;
    // sending to users walks every connection on the node for each push (a queue broadcast to 300 counsellors on a
    // node with 1,300 connections was 400,000 comparisons). SignalR drops the connection from its groups when it closes.
    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, Delivery.UserGroup(Me));

    private string MyName => Context.User?.FindFirst(StaffClaims.DisplayName)?.Value ?? Me;

    // The partner service this member speaks for; "" for this service's own counsellors.
    private string MyService => Context.User?.IsInRole(StaffRoles.Partner) == true ? Context.User.FindFirst(StaffClaims.Service)?.Value ?? "" : "";

    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<ConsoleState>> Snapshot()
    {
        RequireDesk();
        var chats = (await store.ChatsOf(Me)).Select(ToStaffChat).ToList();
        if (MyService.Length > 0)
            return Reply.Ok(new ConsoleState(await duty.Status(Me, MyService), [], 0, chats, Skills.None,
                (await directory.Find(MyService))?.Name ?? MyService, await desk.Waiting(MyService)) { Self = ChatMessage.StaffTag(Me) });
        var queue = await room.Read();
        var waiting = queue.Entries.Select(w => w.Chat).ToList();
        return Reply.Ok(new ConsoleState(await duty.Status(Me), waiting, queue.Version, chats, await accounts.SkillsOf(Me)) { Self = ChatMessage.StaffTag(Me) });
    }

    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<Skills>> SetSkills(SkillsRequest? request) => Reply.Ok(await accounts.SetSkills(Me, Skills.From(request)));

    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<DutyStatus>> GoOnDuty(int capacity) => Reply.Ok(await DutyChanged(await duty.GoOnDuty(Me, capacity, RequireDesk())));

    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<DutyStatus>> GoOffDuty() => Reply.Ok(await DutyChanged(await duty.GoOffDuty(Me, RequireDesk())));

    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<StaffChat>> Take(string? conversationId)
    {
        var id = TextRules.ConversationId(conversationId);
        return await Joined(id, await room.Take(id, Me, MyName));
    }

    [Authorize(Roles = StaffRoles.Counsellor)]
    public async Task<Reply<StaffChat>> TakeNext()
    {
        var match = await matchmaker.TakeNext(Me, MyName);
        return await Joined(match.ConversationId, match.Taken);
    }

    private async Task<Reply<StaffChat>> Joined(string id, WaitingRoom.Taken taken)
    {
        queue.Request();
        ConversationLog.Taken(logger);
        await relay.Message(id, taken.YouthConnection, [Me], taken.Joined);
        await DutyChanged(await duty.Status(Me));
        return Reply.Ok(ToStaffChat(await store.ReadAs(Me, id)));
    }

    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<SendResult>> Send(StaffSendRequest? request)
    {
        var id = TextRules.ConversationId(request?.ConversationId);
        var clientMessageId = TextRules.ClientMessageId(request?.ClientMessageId);
        var text = TextRules.Message(request?.Text);
        var appended = await store.AppendText(id, "staff", Me, MyName, clientMessageId, text, await MyServiceName());
        if (appended.IsNew) await relay.Message(id, appended.YouthConnection, appended.Audience, appended.Message);
        return Reply.Ok(new SendResult(appended.Message.Seq));
    }

    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<object?>> Typing(string? conversationId, bool isTyping)
    {
        var conversation = await Mine(conversationId);
        if (conversation.State != "active") throw ConversationStore.Refusal("not-active");
        await relay.CounsellorTyping(conversation.YouthConnection, isTyping);
        return Reply.Ok();
    }

    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<object?>> End(string? conversationId, [FromServices] YouthLeaving endings)
    {
        var id = TextRules.ConversationId(conversationId);
        await endings.Announce(id, await store.End(id, "counsellor", Me));
        ConversationLog.Ended(logger, "counsellor");
        return Reply.Ok();
    }

    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<object?>> WrapUp(WrapUpRequest? request)
    {
        var id = TextRules.ConversationId(request?.ConversationId);
        var topic = Vocabulary.Topic(request?.Topic);
        var ageBand = Vocabulary.AgeBand(request?.AgeBand);
        var outcome = Vocabulary.Outcome(request?.Outcome);
        await counters.WrapUp(id, Me, topic, ageBand, outcome);
        return Reply.Ok();
    }

    private async Task<ConversationRecord> Mine(string? conversationId)
    {
        var conversation = await store.Find(TextRules.ConversationId(conversationId)) ?? throw ConversationStore.UnknownConversation();
        return conversation.Staff.Contains(Me) ? conversation : throw ConversationStore.Refusal("not-your-conversation");
    }

    private async Task<DutyStatus> DutyChanged(DutyStatus status)
    {
        await relay.DutyChanged(Me, status);
        queue.Request();
        return status;
    }

    // A partner-role account with no service in its account has no desk to sit at.
    private string RequireDesk() => Context.User?.IsInRole(StaffRoles.Partner) == true && MyService.Length == 0
        ? throw new ChatError("no-service", "This account is not a member of any service in the directory.")
        : MyService;

    // Holder: whether the caller holds the chat (or sits in it as a partner's guest). Guest: the partner's member in it.
    // Proposed: a handover the young person has not answered yet; WaitingFor: the service a live handover waits for.
    // ReturnCode: the young person asked for one.
    private StaffChat ToStaffChat((ConversationRecord Conversation, IReadOnlyList<ChatMessage> Messages) chat)
    {
        var c = chat.Conversation;
        return new(c.Id, ConversationRecord.Blank(c.Topic), ConversationRecord.Blank(c.Language), ConversationRecord.Blank(c.AgeBand), c.State,
            c.WrappedUp, chat.Messages, c.Danger)
        {
            Holder = c.Counsellor == Me,
            // Handing on is for this service's own counsellors, holding the chat.
            CanHandOver = c.Counsellor == Me && MyService.Length == 0 && c.CounsellorService.Length == 0,
            Guest = ConversationRecord.Blank(c.GuestName),
            Proposed = HandoverDesk.PendingOffer(c)?.ServiceName,
            WaitingFor = ConversationRecord.Blank(c.Fields.GetValueOrDefault("handoverServiceName", "")),
            ReturnCode = c.ReturnCode.Length > 0,
            Observer = ConversationRecord.Blank(c.ObserverName),
        };
    }
}
