using Chat.Server.Conversations;
using Chat.Server.Opening;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Content;

// Whether the chat is open now (within its opening hours, or none set, and at least one counsellor on duty), as
// the reading pages say it. Asked of Redis
// at most once per ContentOptions.ChatOpenCheckEvery on this node, by one caller while the others wait for
// that same answer, so a page view costs no Redis call. Redis away reads as closed: the chat could not start.
public sealed class ChatOpenNow(RedisConnection redis, ChatOpening opening, IOptions<ContentOptions> options, TimeProvider clock)
{
    private sealed record Answer(bool Open, long At);

    private readonly Lock _gate = new();
    private volatile Answer? _answer;
    private Task<bool>? _asking;

    public ValueTask<bool> IsOpen()
    {
        if (_answer is { } answer && clock.GetElapsedTime(answer.At) < options.Value.ChatOpenCheckEvery) return ValueTask.FromResult(answer.Open);
        lock (_gate)
        {
            if (_asking is null || _asking.IsCompleted) _asking = Ask();
            return new ValueTask<bool>(_asking);
        }
    }

    private async Task<bool> Ask()
    {
        bool open;
        try
        {
            open = await redis.Database.HashLengthAsync(redis.Keys.Duty) > 0 && await opening.WithinHours();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ChatError)
        {
            open = false;
        }
        _answer = new Answer(open, clock.GetTimestamp());
        return open;
    }
}
