using System.Collections.Concurrent;
using Chat.Server.Conversations;
using Chat.Server.Queue;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Two nodes in one process, sharing one redis-server: 50 counsellors and 500 young people at once.
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task EveryYoungPersonIsMatchedExactlyOnceAndNoCounsellorGoesAboveCapacity()
    {
        await using var a = ChatApp.OnSharedRedis();
        await using var b = new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: a.KeyPrefix);
        ChatApp[] nodes = [a, b];

        var started = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            nodes[i % 2].Get<ConversationStore>().Start("", "", "", $"youth-{i}")));
        var counsellors = Enumerable.Range(0, 50).Select(i => (Name: $"c{i}", Capacity: i % 3 + 1, Node: nodes[i % 2])).ToList();
        foreach (var c in counsellors) await c.Node.Get<DutyRoster>().GoOnDuty(c.Name, c.Capacity);

        var matched = new ConcurrentBag<string>();
        var overCapacity = new ConcurrentBag<string>();
        await Task.WhenAll(counsellors.Select(c => Task.Run(async () =>
        {
            var held = new List<string>();
            while (true)
            {
                try
                {
                    var match = await c.Node.Get<Matchmaker>().TakeNext(c.Name, c.Name);
                    matched.Add(match.ConversationId);
                    held.Add(match.ConversationId);
                    if ((await c.Node.Get<DutyRoster>().Status(c.Name)).Active > c.Capacity) overCapacity.Add(c.Name);
                }
                catch (ChatError refusal) when (refusal.Code is "at-capacity" or "already-taken" or "nothing-waiting")
                {
                    // Full, or the queue is empty: end what is held, as a counsellor finishing their chats would.
                    foreach (var id in held) await c.Node.Get<ConversationStore>().End(id, "counsellor", c.Name);
                    if (refusal.Code == "nothing-waiting" && held.Count == 0) return;
                    held.Clear();
                }
            }
        })));

        Assert.Empty(overCapacity);
        Assert.Equal(500, matched.Count);
        Assert.Equal(started.Select(s => s.Id).Order(), matched.Order());
        Assert.Empty((await a.Get<WaitingRoom>().Read()).Entries);
    }
}
