using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Server.Queue;
using Chat.Server.Staff;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Support;

// A young person's connection as a test sees it: every call answers within the timeout,
// every event is recorded from the start.
public sealed class Youth(HubConnection hub) : IAsyncDisposable
{
    public HubConnection Hub => hub;
    public string? LastToken { get; set; }
    public EventRecorder<ChatMessage> Messages { get; } = hub.Record<ChatMessage>("Message");
    public EventRecorder<QueuePositionEvent> Positions { get; } = hub.Record<QueuePositionEvent>("QueuePosition");
    public EventRecorder<TypingEvent> Typing { get; } = hub.Record<TypingEvent>("Typing");
    public EventRecorder<object?[]> Moved { get; } = hub.Record("SessionMoved");
    public EventRecorder<HandoverOffer> Offers { get; } = hub.Record<HandoverOffer>("HandoverOffered");
    public EventRecorder<ReturnNoteOfferedEvent> NoteOffers { get; } = hub.Record<ReturnNoteOfferedEvent>("ReturnNoteOffered");

    public static async Task<Youth> Connect(ChatApp app) => new(await app.ConnectAsync("/hubs/youth"));

    public Task<Reply<YouthState>> Start(string? topic = null, string? language = null, string? ageBand = null, string? code = null) =>
        Call<YouthState>("Start", new StartRequest(topic, language, ageBand, code));

    public Task<Reply<PickupInfo?>> AnswerHandover(string? offerId, bool accept, bool shareHistory = false, bool serviceMayOpen = false) =>
        Call<PickupInfo?>("AnswerHandover", new HandoverAnswerRequest(offerId, accept, shareHistory, serviceMayOpen));

    public Task<Reply<ReturnCode>> RequestReturnCode() => Call<ReturnCode>("RequestReturnCode");
    public Task<Reply<ReturnCode>> AnswerReturnNote(bool keep) => Call<ReturnCode>("AnswerReturnNote", keep);
    public Task<Reply<object?>> DeleteCode(string? code) => Call<object?>("DeleteCode", code);

    public Task<Reply<YouthState>> Resume(string? token, long afterSeq = 0, bool takeOver = false) =>
        Call<YouthState>("Resume", new ResumeRequest(token, afterSeq, takeOver));

    public Task<Reply<SendResult>> Send(string? text, string? clientMessageId = null, bool confirmed = false) =>
        Call<SendResult>("Send", new SendRequest(clientMessageId ?? Guid.NewGuid().ToString("N"), text, confirmed));

    public Task<Reply<object?>> SetTyping(bool isTyping) => Call<object?>("Typing", isTyping);
    public Task<Reply<object?>> End() => Call<object?>("End");
    public Task<Reply<object?>> Rate(int score) => Call<object?>("Rate", score);
    public Task<Reply<object?>> Danger() => Call<object?>("Danger");

    // The next transcript entry of a kind (and sender), skipping others such as the echo of one's own message.
    public async Task<ChatMessage> Next(string kind, string? from = null)
    {
        while (true)
        {
            var message = await Messages.NextAsync(ChatApp.Timeout);
            if (message.Kind == kind && (from is null || message.From == from)) return message;
        }
    }

    public Task<QueuePositionEvent> NextPosition(int position) => NextPosition(p => p.Position == position);

    public async Task<QueuePositionEvent> NextPosition(Func<QueuePositionEvent, bool> match)
    {
        while (true)
        {
            var next = await Positions.NextAsync(ChatApp.Timeout);
            if (match(next)) return next;
        }
    }

    public Task<Reply<T>> Call<T>(string method, params object?[] args) =>
        hub.InvokeCoreAsync<Reply<T>>(method, args).Within(ChatApp.Timeout, method);

    public ValueTask DisposeAsync() => hub.DisposeAsync();

    // A counsellor on duty has taken this young person's chat, and the young person has seen them join.
    public static async Task<(Youth Youth, Counsellor Counsellor, string ConversationId)> Matched(ChatApp app, int capacity = 3)
    {
        var counsellor = await Counsellor.SignIn(app, "ulla");
        (await counsellor.GoOnDuty(capacity)).Value();
        var youth = await Connect(app);
        youth.LastToken = (await youth.Start()).Value().Token;
        var id = (await counsellor.QueueOf(1))[0].ConversationId;
        (await counsellor.Take(id)).Value();
        await youth.Next("joined");
        return (youth, counsellor, id);
    }
}

public sealed class Counsellor(HubConnection hub) : IAsyncDisposable
{
    public HubConnection Hub => hub;
    public EventRecorder<StaffMessageEvent> Messages { get; } = hub.Record<StaffMessageEvent>("Message");
    public EventRecorder<QueueChangedEvent> Queue { get; } = hub.Record<QueueChangedEvent>("QueueChanged");
    public EventRecorder<StaffTypingEvent> Typing { get; } = hub.Record<StaffTypingEvent>("Typing");
    public EventRecorder<DutyStatus> Duty { get; } = hub.Record<DutyStatus>("DutyChanged");
    public EventRecorder<DangerAlertEvent> DangerAlerts { get; } = hub.Record<DangerAlertEvent>("DangerAlert");
    public EventRecorder<HandoverQueueEvent> Handovers { get; } = hub.Record<HandoverQueueEvent>("HandoverQueueChanged");
    public EventRecorder<HandoverAnsweredEvent> Answers { get; } = hub.Record<HandoverAnsweredEvent>("HandoverAnswered");
    public EventRecorder<ConversationEvent> ReturnCodeRequests { get; } = hub.Record<ConversationEvent>("ReturnCodeRequested");
    public EventRecorder<ReturnNoteAnsweredEvent> NoteAnswers { get; } = hub.Record<ReturnNoteAnsweredEvent>("ReturnNoteAnswered");

    // Creates the account, signs in through the form and connects with the cookie.
    public static async Task<Counsellor> SignIn(ChatApp app, string userName, params string[] roles)
    {
        await app.CreateStaff(userName, roles);
        return await Connect(app, await app.SignIn(userName));
    }

    // A member of a partner service, signed in on its own desk.
    public static async Task<Counsellor> SignInMember(ChatApp app, string userName, string service)
    {
        await app.CreateMember(userName, service);
        return await Connect(app, await app.SignIn(userName));
    }

    public static async Task<Counsellor> Connect(ChatApp app, string cookie) =>
        new(await app.ConnectAsync("/hubs/staff", new HubClientOptions { Cookie = cookie }));

    public Task<Reply<ConsoleState>> Snapshot() => Call<ConsoleState>("Snapshot");
    public Task<Reply<DutyStatus>> GoOnDuty(int capacity) => Call<DutyStatus>("GoOnDuty", capacity);
    public Task<Reply<DutyStatus>> GoOffDuty() => Call<DutyStatus>("GoOffDuty");
    public Task<Reply<StaffChat>> Take(string? conversationId) => Call<StaffChat>("Take", conversationId);
    public Task<Reply<StaffChat>> TakeNext() => Call<StaffChat>("TakeNext");

    public Task<Reply<Skills>> SetSkills(string?[] languages, string?[] topics) =>
        Call<Skills>("SetSkills", new SkillsRequest(languages, topics));

    public Task<Reply<SendResult>> Send(string? conversationId, string? text, string? clientMessageId = null) =>
        Call<SendResult>("Send", new StaffSendRequest(conversationId, clientMessageId ?? Guid.NewGuid().ToString("N"), text));

    public Task<Reply<SendResult>> SendPage(string? conversationId, string? language, string? slug, string? clientMessageId = null) =>
        Call<SendResult>("SendPage", new SendPageRequest(conversationId, language, slug, clientMessageId));

    public Task<Reply<IReadOnlyList<HelpPageSummary>>> Pages() => Call<IReadOnlyList<HelpPageSummary>>("Pages");
    public Task<Reply<IReadOnlyList<Chat.Server.QuickReplies.QuickReply>>> QuickReplies() => Call<IReadOnlyList<Chat.Server.QuickReplies.QuickReply>>("QuickReplies");

    public Task<Reply<object?>> SetTyping(string? conversationId, bool isTyping) => Call<object?>("Typing", conversationId, isTyping);
    public Task<Reply<object?>> End(string? conversationId) => Call<object?>("End", conversationId);

    public Task<Reply<object?>> WrapUp(string? conversationId, string? topic, string? ageBand, string? outcome) =>
        Call<object?>("WrapUp", new WrapUpRequest(conversationId, topic, ageBand, outcome));

    public Task<Reply<IReadOnlyList<ServiceVerdict>>> Services(string? conversationId, string? ageBand = null) =>
        Call<IReadOnlyList<ServiceVerdict>>("Services", new ServicesRequest(conversationId, ageBand));

    public Task<Reply<HandoverOffer>> ProposeHandover(string? conversationId, string? service, string? summary, string? ageBand = null) =>
        Call<HandoverOffer>("ProposeHandover", new ProposeHandoverRequest(conversationId, service, ageBand, summary));

    public Task<Reply<object?>> Leave(string? conversationId) => Call<object?>("Leave", conversationId);
    public Task<Reply<object?>> CancelHandover(string? conversationId) => Call<object?>("CancelHandover", conversationId);
    public Task<Reply<StaffChat>> TakeHandover(string? conversationId) => Call<StaffChat>("TakeHandover", conversationId);
    public Task<Reply<OpenedCode>> OpenCode(string? code) => Call<OpenedCode>("OpenCode", code);
    public Task<Reply<IReadOnlyList<Colleague>>> Colleagues() => Call<IReadOnlyList<Colleague>>("Colleagues");

    public Task<Reply<object?>> Transfer(string? conversationId, string? toCounsellor, string? skill, string? note = null) =>
        Call<object?>("Transfer", new TransferRequest(conversationId, toCounsellor, skill, note));

    public Task<Reply<object?>> ProposeReturnNote(string? conversationId, string? note) =>
        Call<object?>("ProposeReturnNote", new ReturnNoteRequest(conversationId, note));

    // Waits for the service desk to show exactly `count` waiting handovers.
    public async Task<IReadOnlyList<WaitingHandover>> HandoversOf(int count)
    {
        while (true)
        {
            var waiting = (await Handovers.NextAsync(ChatApp.Timeout)).Waiting;
            if (waiting.Count == count) return waiting;
        }
    }

    // The next transcript entry of a kind (and sender), as Youth.Next: a counsellor hears their own messages too.
    public async Task<ChatMessage> Next(string kind, string? from = null)
    {
        while (true)
        {
            var message = (await Messages.NextAsync(ChatApp.Timeout)).Message;
            if (message.Kind == kind && (from is null || message.From == from)) return message;
        }
    }

    // Waits for the queue to show exactly `count` waiting chats and returns them.
    public async Task<IReadOnlyList<WaitingChat>> QueueOf(int count)
    {
        while (true)
        {
            var waiting = (await Queue.NextAsync(ChatApp.Timeout)).Waiting;
            if (waiting.Count == count) return waiting;
        }
    }

    public Task<Reply<T>> Call<T>(string method, params object?[] args) =>
        hub.InvokeCoreAsync<Reply<T>>(method, args).Within(ChatApp.Timeout, method);

    public ValueTask DisposeAsync() => hub.DisposeAsync();
}

public static class ReplyAssertions
{
    public static T Value<T>(this Reply<T> reply)
    {
        Assert.True(reply.Ok, $"expected success, got {reply.Error?.Code}: {reply.Error?.Message}");
        return reply.Value!;
    }

    public static void Refused<T>(this Reply<T> reply, string code)
    {
        Assert.False(reply.Ok, $"expected '{code}', but the call succeeded");
        Assert.Equal(code, reply.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(reply.Error?.Message));
    }
}
