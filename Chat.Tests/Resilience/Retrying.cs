using Chat.Server.Conversations;
using Xunit.Sdk;

namespace Chat.Tests.Resilience;

// A call repeated as the browser's user would repeat it: a send keeps its clientMessageId (composer.js), so one
// whose reply was lost with a dying node, or that was refused while Redis was away, is stored exactly once.
public static class Retrying
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    // unavailable: Redis is away; not-started: the connection is back but not yet resumed.
    static readonly string[] Transient = ["unavailable", "not-started"];

    public static async Task<(T Value, int Attempts)> Call<T>(Func<Task<Reply<T>>> call, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        var attempts = 0;
        var last = "";
        while (true)
        {
            attempts++;
            try
            {
                var reply = await call();
                if (reply.Ok) return (reply.Value!, attempts);
                if (!Transient.Contains(reply.Error!.Code)) throw new XunitException($"{what} was refused: {reply.Error.Code}");
                last = reply.Error.Code;
            }
            catch (Exception e) when (e is not XunitException)
            {
                // The connection is down, reconnecting or died under the call.
                last = $"{e.GetType().Name}: {e.Message}";
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} did not succeed in {attempts} attempts within {Patience.TotalSeconds} s; last: {last}");
            await Task.Delay(Pause);
        }
    }
}
