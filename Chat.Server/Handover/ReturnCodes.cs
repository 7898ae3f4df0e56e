using System.Text.Json;
using Chat.Server.Conversations;
using Chat.Server.Stats;
using Chat.Server.Storage;
using StackExchange.Redis;

namespace Chat.Server.Handover;

// The code a young person keeps to talk to the same counsellor again. Code is "" when read back from the
// conversation: the code itself stays on the young person's phone, never beside the conversation in Redis.
// Note: the kept note as answered just now; NoteKept: whether a note is kept with the code.
public sealed record ReturnCode(string Code, string CounsellorName, string Note, long ExpiresAt, bool NoteKept = false);

// Where a returning young person is offered first. NextOnDuty stays null: the service keeps no shift plans yet.
public sealed record ReturnTo(string CounsellorName, bool OnDuty, long? NextOnDuty = null);

// "The same counsellor again": a return code, a note the young person consented to, and starting from the code.
public sealed class ReturnCodes(RedisConnection redis, ConversationStore store, PickupCodes codes, Counters counters)
{
    public const int MaxNoteLength = 300;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisKeys Keys => redis.Keys;

    public static ReturnCode? Of(ConversationRecord conversation) =>
        conversation.ReturnCode.Length == 0 ? null : JsonSerializer.Deserialize<ReturnCode>(conversation.ReturnCode, Json);

    // One code per conversation: asking again answers with the same one (without the code, which the phone has).
    public async Task<ReturnCode> Request(ConversationRecord conversation, string youthConnection)
    {
        if (conversation.YouthConnection != youthConnection) throw ConversationStore.Refusal("session-moved");
        if (Of(conversation) is { } existing) return existing;
        if (conversation.Counsellor.Length == 0 || conversation.CounsellorService.Length > 0)
            throw new ChatError("no-counsellor", "A return code needs a counsellor from this service who talked with you.");
        var issued = await codes.Issue(CodeRules.Return, new Dictionary<string, string>
        {
            ["counsellor"] = conversation.Counsellor, ["counsellorName"] = conversation.CounsellorName,
        });
        var code = new ReturnCode(issued.Code, conversation.CounsellorName, "", issued.ExpiresAt.ToUnixTimeMilliseconds());
        // Only once per conversation, and only while it exists: two tabs racing, the second code is deleted again.
        if (!await store.SetFields(conversation.Id, "returnCode",
                ("returnCode", JsonSerializer.Serialize(code with { Code = "" }, Json)), ("returnSelector", issued.Selector)))
        {
            await codes.Delete(issued.Code, youthConnection);
            return Of(await store.Find(conversation.Id) ?? throw ConversationStore.UnknownConversation())
                ?? throw ConversationStore.UnknownConversation();
        }
        await counters.Count("return-code-issued");
        return code;
    }

    // The counsellor proposes a short note to keep with the code; it is kept only if the young person agrees.
    public async Task<string> ProposeNote(ConversationRecord conversation, string counsellor, string? note)
    {
        if (conversation.Counsellor != counsellor) throw ConversationStore.Refusal("not-your-conversation");
        if (Of(conversation) is null) throw new ChatError("no-return-code", "The young person has not asked for a return code.");
        var text = TextRules.Message(note);
        if (text.Length > MaxNoteLength) throw new ChatError("note-too-long", $"A note can be at most {MaxNoteLength} characters.");
        if (!await store.SetFields(conversation.Id, "", ("returnNoteOffer", text))) throw ConversationStore.UnknownConversation();
        return text;
    }

    public async Task<ReturnCode> AnswerNote(ConversationRecord conversation, string youthConnection, bool keep)
    {
        if (conversation.YouthConnection != youthConnection) throw ConversationStore.Refusal("session-moved");
        var code = Of(conversation) ?? throw new ChatError("no-return-code", "This chat has no return code.");
        var note = conversation.ReturnNoteOffer;
        if (note.Length == 0) throw new ChatError("no-offer", "There is no note to answer.");
        // Only one answer counts: the one that removes the proposal.
        if (!await redis.Database.HashDeleteAsync(Keys.Conversation(conversation.Id), "returnNoteOffer"))
            throw new ChatError("no-offer", "There is no note to answer.");
        if (!keep) return code;
        var selector = conversation.Fields.GetValueOrDefault("returnSelector", "");
        if (!await codes.Annotate(selector, "note", note)) throw new ChatError("unknown-code", "That code does not exist, has expired or was used.");
        var kept = code with { NoteKept = true };
        await store.SetFields(conversation.Id, "", ("returnCode", JsonSerializer.Serialize(kept, Json)));
        return kept with { Note = note };
    }

    // Deletes the code and what it holds; on the caller's own conversation, also what was shown of it there.
    public async Task Delete(string? code, string caller, ConversationRecord? conversation)
    {
        if (!await codes.Delete(code, caller)) throw new ChatError("unknown-code", "That code does not exist, has expired or was used.");
        var selector = CodeRules.Selector(CodeRules.Normalize(code)!);
        if (conversation?.Fields.GetValueOrDefault("returnSelector") == selector)
            await redis.Database.HashDeleteAsync(Keys.Conversation(conversation.Id), ["returnCode", "returnSelector", "returnNoteOffer"]);
        if (conversation?.Fields.GetValueOrDefault("pickupSelector") == selector)
            await redis.Database.HashDeleteAsync(Keys.Conversation(conversation.Id), ["pickup", "pickupSelector"]);
    }

    // Uses the code up: the new chat goes first to that counsellor, opening with the kept note.
    public async Task<ConversationStore.Returning> Redeem(string? code, string youthConnection)
    {
        var pickup = await codes.Redeem(code, CodeRules.Return, youthConnection);
        await counters.Count("return-code-used");
        var f = pickup.Fields;
        return new ConversationStore.Returning(f.GetValueOrDefault("counsellor", ""), f.GetValueOrDefault("counsellorName", ""), f.GetValueOrDefault("note", ""));
    }
}
