using Chat.Server.Conversations;
using Chat.Server.Handover;
using Chat.Tests.Support;

namespace Chat.Tests.Contract;

// The service directory's storage calls and scripts, once against redis-server and once against the embedded Garnet.
public abstract class DirectoryStorageBehaviour(Func<string> endpoint) : IAsyncLifetime
{
    private ChatApp _app = null!;
    private ServiceDirectory Directory => _app.Get<ServiceDirectory>();

    public Task InitializeAsync()
    {
        _app = new ChatApp(endpoint());
        _ = _app.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheDirectoryIsSeededOnceAndOnlyWhileItsKeyIsMissing()
    {
        var seed = DirectorySeed.Load();
        await Seeded();

        Assert.False(await Directory.Seed(seed).Within(ChatApp.Timeout));
        await Directory.Save(seed[0] with { Contact = "ändrad" }).Within(ChatApp.Timeout);
        Assert.False(await Directory.Seed(seed).Within(ChatApp.Timeout));
        Assert.Equal("ändrad", (await Directory.Find(seed[0].Id))!.Contact);
        Assert.Equal(seed.Count, (await Directory.All()).Count);
    }

    [Fact]
    public async Task SaveReplacesOnlyWhatExistsAndAddNeverOverwrites()
    {
        await Seeded();
        var kast = (await Directory.Find("kast"))!;

        Assert.Equal("service-exists", (await Assert.ThrowsAsync<ChatError>(() => Directory.Add(kast with { Name = "Annan" }))).Code);
        Assert.True(await Directory.Remove("kast"));
        Assert.False(await Directory.Remove("kast"));
        Assert.Equal("unknown-service", (await Assert.ThrowsAsync<ChatError>(() => Directory.Save(kast))).Code);
        Assert.Null(await Directory.Find("kast"));

        var added = await Directory.Add(kast with { Contact = "  Ring oss  " });
        Assert.Equal("Ring oss", added.Contact);
        Assert.Equal(added.ToJson(), (await Directory.Find("kast"))!.ToJson());
    }

    private async Task Seeded()
    {
        var deadline = DateTime.UtcNow + ChatApp.Timeout;
        while ((await Directory.All().Within(ChatApp.Timeout)).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the directory was not seeded");
            await Task.Delay(20);
        }
    }
}

public sealed class DirectoryStorageBehaviourOnRedisServer() : DirectoryStorageBehaviour(() => RedisServer.Shared.Endpoint);

public sealed class DirectoryStorageBehaviourOnEmbeddedGarnet() : DirectoryStorageBehaviour(() => EmbeddedGarnet.Shared.Endpoint);
