namespace Chat.Tests.Support;

// One app per test on the shared redis-server (a test may swap in one with other settings),
// and every client the test owns, disposed after it.
public abstract class ChatTest : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    protected ChatApp App { get; set; } = ChatApp.OnSharedRedis();

    protected T Own<T>(T client) where T : IAsyncDisposable
    {
        lock (_owned) _owned.Add(client);
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _owned) await client.DisposeAsync();
        await App.DisposeAsync();
    }
}
