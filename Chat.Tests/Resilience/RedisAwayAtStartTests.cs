using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Resilience;

// A node started while its Redis is away keeps running, says so on /healthz, and serves once Redis is back.
public sealed class RedisAwayAtStartTests : IDisposable
{
    private readonly RedisServer _redis = RedisServer.Start();

    private bool _stopped;

    public void Dispose()
    {
        if (_stopped) _redis.StartAgain(); // a stopped server's process is gone: bring it back so it can be disposed
        _redis.Dispose();
    }

    [Fact]
    public async Task ANodeStartedWhileRedisIsAwayServesOnceItIsBack()
    {
        _redis.Stop();
        _stopped = true;
        await using var app = new ChatApp(_redis.Endpoint);
        using var client = app.NewClient();
        using (var away = await client.GetAsync("/healthz").WaitAsync(TimeSpan.FromSeconds(30)))
            Assert.True(away.StatusCode == HttpStatusCode.ServiceUnavailable, string.Join("\n", app.Logs.Lines.Take(40)));

        _redis.StartAgain();
        _stopped = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var health = await client.GetAsync("/healthz");
            if (health.StatusCode == HttpStatusCode.OK) break;
            Assert.True(DateTime.UtcNow < deadline, "the node never recovered after Redis came back");
            await Task.Delay(200);
        }
        // Every part that needs Redis works: a chat starts and is taken, and the seeded help pages get there.
        var (youth, counsellor, _) = await Youth.Matched(app);
        await youth.DisposeAsync();
        await counsellor.DisposeAsync();
        await app.Seeded();
        using var page = await client.GetAsync("/sv/i-fara-nu");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
