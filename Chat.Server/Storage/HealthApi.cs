namespace Chat.Server.Storage;

public static class HealthApi
{
    public static void MapHealth(this IEndpointRouteBuilder app) => app.MapGet("/healthz", async (RedisConnection redis) =>
    {
        if (redis.Multiplexer is not { } multiplexer) return Results.Text("starting", statusCode: 503);
        try
        {
            await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2));
            return Results.Text("ok");
        }
        catch (Exception ex) when (RedisRetry.IsUnavailable(ex))
        {
            return Results.Text("redis unreachable", statusCode: 503);
        }
    });
}
