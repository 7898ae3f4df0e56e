using System.Text.Json;
using Chat.Server.Staff;
using Chat.Server.Storage;

namespace Chat.Server.QuickReplies;

// The coordinators' quick replies: one JSON list (key quick-replies). Staff-written text, nothing about a young
// person or a chat; who changed it is in the audit log.
public sealed class QuickReplyStore(RedisConnection redis, AuditLog audit)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<QuickReply>> All()
    {
        var value = await redis.Database.StringGetAsync(redis.Keys.QuickReplies);
        return value.IsNullOrEmpty ? [] : JsonSerializer.Deserialize<List<QuickReply>>((string)value!, Json)!;
    }

    // Replies already checked by QuickReplyRules; an empty list removes the key.
    public async Task Save(IReadOnlyList<QuickReply> replies, string actor)
    {
        if (replies.Count > 0) await redis.Database.StringSetAsync(redis.Keys.QuickReplies, JsonSerializer.Serialize(replies, Json));
        else await redis.Database.KeyDeleteAsync(redis.Keys.QuickReplies);
        await audit.Record(actor, AuditActions.QuickRepliesChanged, "quick-replies");
    }
}
