using Chat.Server.Conversations;
using Chat.Server.Queue;
using Chat.Server.Stats;
using Microsoft.AspNetCore.Authorization;
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
}

public sealed record StaffMessageEvent(string ConversationId, ChatMessage Message);
public sealed record StaffTypingEvent(string ConversationId, bool IsTyping);
public sealed record DangerAlertEvent(string ConversationId);
public sealed record StaffSendRequest(string? ConversationId, string? ClientMessageId, string? Text);
public sealed record WrapUpRequest(string? ConversationId, string? Topic, string? AgeBand, string? Outcome);
public sealed record StaffChat(
    string ConversationId, string? Topic, string? Language, string? AgeBand, string State, bool WrappedUp, IReadOnlyList<ChatMessage> Messages, bool Danger);
public sealed record ConsoleState(DutyStatus Duty, IReadOnlyList<WaitingChat> Waiting, long QueueVersion, IReadOnlyList<StaffChat> Chats, Skills Skills);
public sealed record QueueChangedEvent(long Version, IReadOnlyList<WaitingChat> Waiting);

// Authenticated front door: every method needs the counsellor role (the attribute covers the
// connection and each invocation), and acts only on the caller's own conversations.
[Authorize(Roles = StaffRoles.Counsellor)]
public sealed class StaffHub(
    DutyRoster duty, WaitingRoom room, ConversationStore store, QueueBroadcaster queue, Relay relay, Counters counters,
    StaffAccounts accounts, Matchmaker matchmaker, ILogger<StaffHub> logger)
    : Hub<IStaffClient>
{
    private string Me => Context.UserIdentifier!;
    private string MyName => Context.User?.FindFirst(StaffClaims.DisplayName)?.Value ?? Me;

    public async Task<Reply<ConsoleState>> Snapshot()
    {
        var queue = await room.Read();
        var chats = await store.ChatsOf(Me);
        var waiting = queue.Entries.Select(w => w.Chat).ToList();
        return Reply.Ok(new ConsoleState(await duty.Status(Me), waiting, queue.Version, chats.Select(ToStaffChat).ToList(), await accounts.SkillsOf(Me)));
    }

    public async Task<Reply<Skills>> SetSkills(SkillsRequest? request) => Reply.Ok(await accounts.SetSkills(Me, Skills.From(request)));

    public async Task<Reply<DutyStatus>> GoOnDuty(int capacity) => Reply.Ok(await DutyChanged(await duty.GoOnDuty(Me, capacity)));

    public async Task<Reply<DutyStatus>> GoOffDuty() => Reply.Ok(await DutyChanged(await duty.GoOffDuty(Me)));

    public async Task<Reply<StaffChat>> Take(string? conversationId)
    {
        var id = TextRules.ConversationId(conversationId);
        return await Joined(id, await room.Take(id, Me, MyName));
    }

    public async Task<Reply<StaffChat>> TakeNext()
    {
        var match = await matchmaker.TakeNext(Me, MyName);
        return await Joined(match.ConversationId, match.Taken);
    }

    private async Task<Reply<StaffChat>> Joined(string id, WaitingRoom.Taken taken)
    {
        queue.Request();
        ConversationLog.Taken(logger);
        await relay.Message(id, taken.YouthConnection, Me, taken.Joined);
        await DutyChanged(await duty.Status(Me));
        return Reply.Ok(ToStaffChat(await store.Read(id, 0)));
    }

    public async Task<Reply<SendResult>> Send(StaffSendRequest? request)
    {
        var id = TextRules.ConversationId(request?.ConversationId);
        var clientMessageId = TextRules.ClientMessageId(request?.ClientMessageId);
        var text = TextRules.Message(request?.Text);
        var appended = await store.AppendText(id, "counsellor", Me, MyName, clientMessageId, text);
        if (appended.IsNew) await relay.Message(id, appended.YouthConnection, appended.Counsellor, appended.Message);
        return Reply.Ok(new SendResult(appended.Message.Seq));
    }

    public async Task<Reply<object?>> Typing(string? conversationId, bool isTyping)
    {
        var conversation = await Mine(conversationId);
        if (conversation.State != "active") throw ConversationStore.Refusal("not-active");
        await relay.CounsellorTyping(conversation.YouthConnection, isTyping);
        return Reply.Ok();
    }

    public async Task<Reply<object?>> End(string? conversationId)
    {
        var id = TextRules.ConversationId(conversationId);
        var ending = await store.End(id, "counsellor", Me);
        if (ending.Message is not null) await relay.Message(id, ending.YouthConnection, Me, ending.Message);
        ConversationLog.Ended(logger, "counsellor");
        await DutyChanged(await duty.Status(Me));
        return Reply.Ok();
    }

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
        return conversation.Counsellor == Me ? conversation : throw ConversationStore.Refusal("not-your-conversation");
    }

    private async Task<DutyStatus> DutyChanged(DutyStatus status)
    {
        await relay.DutyChanged(Me, status);
        queue.Request();
        return status;
    }

    private static StaffChat ToStaffChat((ConversationRecord Conversation, IReadOnlyList<ChatMessage> Messages) chat) =>
        new(chat.Conversation.Id, ConversationRecord.Blank(chat.Conversation.Topic), ConversationRecord.Blank(chat.Conversation.Language),
            ConversationRecord.Blank(chat.Conversation.AgeBand), chat.Conversation.State, chat.Conversation.WrappedUp, chat.Messages,
            chat.Conversation.Danger);
}
