using Chat.Tests.Support;

namespace Chat.Tests.Resilience;

// What ops/cluster.sh starts, for one test: a redis-server with AOF fsynced on every write, nodes as processes
// and, when asked, nginx in front; all on free loopback ports, all stopped at the end.
public sealed class ProcessCluster : IAsyncDisposable
{
    readonly List<ChatNode> nodes = [];

    ProcessCluster(RedisServer redis) => Redis = redis;

    public RedisServer Redis { get; }
    public IReadOnlyList<ChatNode> Nodes => nodes;
    public Nginx? Front { get; private set; }

    public static async Task<ProcessCluster> StartAsync(int nodeCount = 2, bool nginx = false)
    {
        var cluster = new ProcessCluster(RedisServer.Start(appendOnly: true));
        try
        {
            var starting = Enumerable.Range(0, nodeCount)
                .Select(_ => ChatNode.StartAsync(Settings(cluster.Redis, nginx)))
                .ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                // Also when one failed: the others started and must be stopped with the cluster.
                cluster.nodes.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }
            if (nginx) cluster.Front = await Nginx.StartAsync(cluster.nodes.Select(n => n.Port));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // As ops/cluster.sh: behind nginx on loopback, the nodes believe its X-Forwarded-For.
    static Dictionary<string, string> Settings(RedisServer redis, bool nginx) => nginx
        ? new() { ["Redis:Configuration"] = redis.Endpoint, ["Privacy:TrustedProxies:0"] = "127.0.0.1" }
        : new() { ["Redis:Configuration"] = redis.Endpoint };

    public ChatNode Node(int port) => nodes.Single(n => n.Port == port);

    // Creates the first admin (who is a counsellor too) with the node's one-time setup code, as an operator
    // of a fresh service does, and returns the session cookie, which holds on every node.
    public static async Task<string> FirstCounsellor(ChatNode node, string userName = "ulla")
    {
        var code = await node.SetupCode();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = node.BaseUri };
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/setup");
        using var response = await ChatApp.PostForm(client, "/staff/auth/setup", cookies, token, new()
        {
            ["code"] = code, ["userName"] = userName, ["displayName"] = "Ulla", ["password"] = ChatApp.Password,
        });
        var location = response.Headers.Location?.ToString();
        if (location != "/staff") throw new InvalidOperationException($"setup on node {node.Port} failed: {(int)response.StatusCode} {location}");
        return ChatApp.CookieHeader(response, cookies);
    }

    public async ValueTask DisposeAsync()
    {
        if (Front is not null) await Front.DisposeAsync();
        foreach (var node in nodes) await node.DisposeAsync();
        Redis.Dispose();
    }
}
