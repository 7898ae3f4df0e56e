using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

public sealed class HealthTests
{
    [Fact]
    public async Task HealthIsOkWhenRedisAnswers()
    {
        await using var app = ChatApp.OnSharedRedis();
        using var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthReportsAnUnreachableRedisAndRecoversWhenItReturns()
    {
        using var redis = RedisServer.Start();
        await using var app = new ChatApp(redis.Endpoint);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        redis.Stop();
        var down = await Eventually(client, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("redis unreachable", await down.Content.ReadAsStringAsync());

        redis.StartAgain();
        await Eventually(client, HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> Eventually(HttpClient client, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/healthz");
            if (response.StatusCode == status) return response;
            Assert.True(DateTime.UtcNow < deadline, $"/healthz did not answer {(int)status} within 30 s");
            await Task.Delay(200);
        }
    }
}
