using Chat.Server.Conversations;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Privacy;

// Flood limits and blocks for the young people's hub, by client key (ClientKeySchedule) and by conversation.
// A caller without an address has no client key: only the per-conversation limit applies to it.
public sealed class FloodGate(
    RedisConnection redis, ClientKeySchedule keys, ConversationStore store, IOptions<AbuseOptions> options, TimeProvider clock,
    ILogger<FloodGate> logger)
{
    // The conversation field holding the client hash it was started with, so that any node can block that client.
    public const string ClientField = "client";
    public const string BlockedField = "blocked";

    private RedisKeys Keys => redis.Keys;
    private AbuseOptions Limits => options.Value;

    public ClientHashes? Client(HttpContext? http) => keys.Of(http?.Connection.RemoteIpAddress);

    // Before a chat starts: refused while a counsellor's block on this client holds, or when it has started its share.
    public async Task AdmitStart(HttpContext? http)
    {
        if (Client(http) is not { } client) return;
        await CountStart("start", client, [.. client.Both.Select(hash => Keys.Block(hash))]);
    }

    // A resume with a token nobody has counts as a start, so guessing tokens is as slow as starting chats.
    // Returns the refusal to throw: unknown-conversation, or slow-down once the client is at its limit.
    public async Task<ChatError> WrongToken(HttpContext? http)
    {
        if (Client(http) is { } client)
        {
            try
            {
                await CountStart("resume", client);
            }
            catch (ChatError slowDown)
            {
                return slowDown;
            }
        }
        return ConversationStore.UnknownConversation();
    }

    // The client a new chat is started from (its hash under this node's current key; "" without an address), kept in
    // the conversation by the Start script (field ClientField) so that a counsellor on any node can block that client.
    public string ClientOf(HttpContext? http) => Client(http)?.Current ?? "";

    public async Task RequireNotBlocked(string conversationId)
    {
        if (await redis.Database.HashExistsAsync(Keys.Conversation(conversationId), BlockedField)) throw Blocked();
    }

    // A young person's message: its share of its conversation's and its client's limits, counted by the Send script
    // itself (FloodScripts.MessageQuota), so the count and the append are one round trip.
    public MessageQuota Quota(HttpContext? http)
    {
        var window = Window.Of(clock, Limits.MessageWindow);
        RedisKey[] keys = Client(http) is { } client
            ? [Keys.SendCount(client.Current, window.Number), Keys.SendCount(client.Previous ?? client.Current, window.Number)]
            : [];
        return new MessageQuota(keys, [window.Number, window.LeftMs, Limits.MessagesPerConversation, Limits.MessagesPerClient],
            () => SlowedDown("message", window));
    }

    // Marks the conversation blocked (Resume refused) and blocks the client it was started from for Abuse:BlockFor.
    // Returns false when it was blocked already (or is gone), so a repeated call counts nothing twice.
    public async Task<bool> Block(ConversationRecord conversation)
    {
        if (!await store.SetFields(conversation.Id, BlockedField, (BlockedField, "1"))) return false;
        if (conversation.Fields.GetValueOrDefault(ClientField, "") is { Length: > 0 } hash)
            await redis.Database.StringSetAsync(Keys.Block(hash), "1", Limits.BlockFor);
        return true;
    }

    // blocks: the client's block keys, checked in the same call (a start); none for a resume with an unknown token.
    private async Task CountStart(string what, ClientHashes client, RedisKey[]? blocks = null)
    {
        var window = Window.Of(clock, Limits.StartWindow);
        var admitted = (long)await redis.Database.ScriptEvaluateAsync(FloodScripts.Count,
            [Keys.StartCount(client.Current, window.Number), Keys.StartCount(client.Previous ?? client.Current, window.Number), .. blocks ?? []],
            [window.LeftMs, Limits.StartsPerClient]);
        if (admitted == -1)
        {
            PrivacyLog.BlockedStart(logger);
            throw Blocked();
        }
        if (admitted == 0) throw SlowedDown(what, window);
    }

    // A fixed window of time, numbered since 1970, and the milliseconds left in it.
    private sealed record Window(long Number, long LeftMs)
    {
        public static Window Of(TimeProvider clock, TimeSpan length)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var ms = (long)length.TotalMilliseconds;
            return new(now / ms, (now / ms + 1) * ms - now);
        }
    }

    private ChatError SlowedDown(string what, Window window)
    {
        PrivacyLog.SlowedDown(logger, what);
        return SlowDown(TimeSpan.FromMilliseconds(window.LeftMs));
    }

    public static ChatError SlowDown(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        return new("slow-down", $"Too many in a short time. Wait {seconds} s and try again.") { RetryAfter = seconds };
    }

    public static ChatError Blocked() => new("blocked", "This chat was ended, and no new chat can be started from here for now.");
}

// The client counters and limits a young person's message is counted against inside ConversationScripts.Send
// (KEYS[4..5], ARGV[5..8]), and the refusal to throw when the script answers 'slow-down'.
public sealed record MessageQuota(RedisKey[] ClientKeys, RedisValue[] Args, Func<ChatError> Refused);
