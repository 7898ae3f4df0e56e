using Chat.Server.Queue;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Conversations;

// Storage calls for one conversation. Every change touching more than one key is one Lua script.
public sealed class ConversationStore(RedisConnection redis, IOptions<ConversationOptions> options, Counters counters, TimeProvider clock)
{
    private RedisKeys Keys => redis.Keys;
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public sealed record Started(string Id, string Token, int Position);

    // A young person coming back with a return code: the chat is meant for that counsellor first,
    // and opens with the note the young person agreed to keep (if any).
    public sealed record Returning(string Counsellor, string CounsellorName, string Note);

    // A young person coming back with a handover code: the chat waits at that service's desk, opening with the summary.
    public sealed record AtDesk(string Service, string ServiceName, string Summary);

    public async Task<Started> Start(
        string topic, string language, string ageBand, string connectionId, Returning? returning = null, AtDesk? desk = null, string client = "")
    {
        var id = TextRules.NewConversationId();
        var token = TextRules.NewToken();
        var tokenHash = TextRules.HashToken(token);
        var first = returning is { Note.Length: > 0 } ? ChatMessage.Event("note", "counsellor", returning.CounsellorName, Now, returning.Note)
            : desk is not null ? ChatMessage.Event("handover", "youth", null, Now, desk.Summary, desk.ServiceName)
            : null;
        var position = (long)await redis.Database.ScriptEvaluateAsync(ConversationScripts.Start,
            [Keys.Conversation(id), Keys.Token(tokenHash), desk is null ? Keys.Queue : Keys.ServiceQueue(desk.Service), Keys.QueueTicket, Keys.Transcript(id),
                counters.TodayKey],
            [id, tokenHash, topic, language, ageBand, Now, connectionId, (long)options.Value.MaxLifetime.TotalMilliseconds,
                returning?.Counsellor ?? "", first?.ToStored() ?? "", desk?.Service ?? "", desk?.ServiceName ?? "", desk?.Summary ?? "",
                StatsFields.StartLanguage(language), counters.RetentionMs, client]);
        // 0 means the random id or token already existed: with 96 and 128 random bits, a broken random source.
        if (position == 0) throw new InvalidOperationException("Conversation id collision.");
        return new Started(id, token, (int)position);
    }

    public async Task<string?> FindByToken(string token) =>
        await redis.Database.StringGetAsync(Keys.Token(TextRules.HashToken(token)));

    // Makes this connection the holder of the conversation; returns the previous holder ("" if none).
    public async Task<string> Attach(string id, string connectionId, bool takeOver)
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(ConversationScripts.Attach,
            [Keys.Conversation(id), Keys.QueueAway], [connectionId, takeOver ? "1" : "0", id]))!;
        return (string)result[0]! switch
        {
            "ok" => (string)result[1]!,
            "elsewhere" => throw new ChatError("open-elsewhere", "This chat is open in another tab or window."),
            _ => throw UnknownConversation(),
        };
    }

    public Task Detach(string id, string connectionId) =>
        redis.Database.ScriptEvaluateAsync(ConversationScripts.Detach, [Keys.Conversation(id), Keys.QueueAway], [connectionId, id, Now]);

    public async Task<(ConversationRecord Conversation, IReadOnlyList<ChatMessage> Messages)> Read(string id, long afterSeq)
    {
        var batch = redis.Database.CreateBatch();
        var hash = batch.HashGetAllAsync(Keys.Conversation(id));
        var log = batch.ListRangeAsync(Keys.Transcript(id), Math.Max(0, afterSeq));
        batch.Execute();
        var conversation = ConversationRecord.From(id, await hash) ?? throw UnknownConversation();
        var entries = await log;
        var first = Math.Max(0, afterSeq) + 1;
        return (conversation, entries.Select((e, i) => ChatMessage.FromStored(e!, first + i)).ToList());
    }

    public async Task<ConversationRecord?> Find(string id) =>
        ConversationRecord.From(id, await redis.Database.HashGetAllAsync(Keys.Conversation(id)));

    // Staff: every staff member in the conversation (the one who holds it, and a partner's guest).
    // Audience: they and a coordinator silently in the chat: everyone on the staff side who reads along.
    public sealed record Appended(ChatMessage Message, bool IsNew, string YouthConnection, IReadOnlyList<string> Staff, string Observer = "")
    {
        public IReadOnlyList<string> Audience => [.. Staff, Observer];
    }

    // A young person writes as "youth" (actor = connection id); a staff member as "staff" (actor = user name),
    // with the name and the service they speak for shown beside the text.
    // quota: a young person's share of the flood limits, counted in the same script (Privacy/FloodGate).
    public async Task<Appended> AppendText(
        string id, string role, string actor, string? name, string clientMessageId, string text, string? service = null, Privacy.MessageQuota? quota = null)
    {
        var message = role == "youth" ? ChatMessage.Said("youth", null, text, clientMessageId, Now)
            : ChatMessage.Said("counsellor", name, text, clientMessageId, Now, service).By(actor);
        return await Append(id, role, actor, clientMessageId, message, quota);
    }

    // A staff member sends a help page: a "page" entry with the page's title as its text, under the same rules as
    // a text (they hold the chat or sit in it as a guest, it is active, a repeated client message id stores nothing).
    public Task<Appended> AppendPage(string id, string user, string? name, string clientMessageId, string page, string title, string? service = null) =>
        Append(id, "staff", user, clientMessageId,
            new ChatMessage(0, "page", "counsellor", name, title, Now, clientMessageId, service, Page: page).By(user));

    private async Task<Appended> Append(string id, string role, string actor, string clientMessageId, ChatMessage message, Privacy.MessageQuota? quota = null)
    {
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(ConversationScripts.Send,
            [Keys.Conversation(id), Keys.Transcript(id), Keys.ClientMessageIds(id), .. quota?.ClientKeys ?? []],
            [role, actor, clientMessageId, message.ToStored(), .. quota?.Args ?? []]))!;
        var status = (string)result[0]!;
        if (status == "slow-down" && quota is not null) throw quota.Refused();
        if (status is not ("ok" or "duplicate")) throw Refusal(status);
        return new Appended(message with { Seq = (long)result[1] }, status == "ok", (string)result[2]!, StaffOf(result[3], result[4]), (string)result[5]!);
    }

    // HandoverService: the partner service whose desk the chat was waiting at, if any ("" otherwise).
    public sealed record Ending(
        ChatMessage? Message, string YouthConnection, string Counsellor, string PreviousState, IReadOnlyList<string> Staff, string HandoverService,
        string Observer = "")
    {
        public IReadOnlyList<string> Audience => [.. Staff, Observer];
    }

    // endedBy is "youth" (actor = connection id), "counsellor" (actor = user name) or "system" (the grace running out,
    // or a coordinator ending a stuck chat).
    // byToken: the young person proved it with their token, whichever connection holds the chat (quick exit's beacon).
    public async Task<Ending> End(string id, string endedBy, string actor, bool byToken = false)
    {
        var tokenHash = (string?)await redis.Database.HashGetAsync(Keys.Conversation(id), "token") ?? throw UnknownConversation();
        var now = Now;
        var entry = ChatMessage.Event("ended", endedBy, null, now);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(ConversationScripts.End,
            [Keys.Conversation(id), Keys.Transcript(id), Keys.ClientMessageIds(id), Keys.Queue, Keys.Token(tokenHash), Keys.HandlingTime, Keys.QueueAway,
                counters.TodayKey],
            [id, endedBy, actor, entry.ToStored(), now, (long)options.Value.RetentionAfterEnd.TotalMilliseconds, WaitEstimate.AverageOver, Keys.Prefix,
                byToken ? "1" : "0", counters.RetentionMs]))!;
        var status = (string)result[0]!;
        if (status != "ok") throw Refusal(status);
        var seq = (long)result[1];
        return new Ending(seq == 0 ? null : entry with { Seq = seq }, (string)result[2]!, (string)result[3]!, (string)result[4]!,
            StaffOf(result[3], result[5]), (string)result[6]!, (string)result[7]!);
    }

    // Fields written outside the scripts that own a conversation's life: set only while the conversation exists.
    // onlyIfUnset: a field that must not be set yet. Returns false if the conversation is gone or the field was set.
    public async Task<bool> SetFields(string id, string onlyIfUnset, params (string Field, string Value)[] fields) =>
        (long)await redis.Database.ScriptEvaluateAsync(ConversationScripts.SetFields, [Keys.Conversation(id)],
            [onlyIfUnset, .. fields.SelectMany(f => new RedisValue[] { f.Field, f.Value })]) == 1;

    private static IReadOnlyList<string> StaffOf(params RedisResult[] users) =>
        users.Select(u => (string?)u ?? "").Where(u => u.Length > 0).Distinct().ToList();

    // What one staff member may read: from the first entry the young person let them see.
    public async Task<(ConversationRecord Conversation, IReadOnlyList<ChatMessage> Messages)> ReadAs(string user, string id)
    {
        var (conversation, messages) = await Read(id, 0);
        return (conversation, messages.Where(m => conversation.IsVisibleTo(user, m.Seq)).ToList());
    }

    // The staff member's open and not yet wrapped-up conversations; expired ones leave the set here.
    public async Task<IReadOnlyList<(ConversationRecord Conversation, IReadOnlyList<ChatMessage> Messages)>> ChatsOf(string counsellor)
    {
        var chats = new List<(ConversationRecord, IReadOnlyList<ChatMessage>)>();
        foreach (var id in await redis.Database.SetMembersAsync(Keys.CounsellorChats(counsellor)))
        {
            try
            {
                chats.Add(await ReadAs(counsellor, id!));
            }
            catch (ChatError)
            {
                await redis.Database.SetRemoveAsync(Keys.CounsellorChats(counsellor), id);
            }
        }
        return chats.OrderBy(c => c.Item1.Created).ToList();
    }

    public static ChatError UnknownConversation() =>
        new("unknown-conversation", "That conversation does not exist or has expired.");

    public static ChatError Refusal(string code) => code switch
    {
        "unknown-conversation" => UnknownConversation(),
        "session-moved" => new(code, "This chat continues in another tab or window."),
        "not-your-conversation" => new(code, "That conversation is not yours."),
        "not-active" => new(code, "The conversation is not active: wait for a counsellor, or it has ended."),
        "already-ended" => new(code, "The conversation has already ended."),
        "not-ended" => new(code, "That can only be done after the conversation has ended."),
        "handover-pending" => new(code, "A handover is under way in this conversation: finish or end it first."),
        _ => new(code, code),
    };
}
