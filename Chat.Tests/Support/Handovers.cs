using Chat.Server.Handover;

namespace Chat.Tests.Support;

public static class Handovers
{
    // A service from the seeded directory; seeding runs as the app starts, so wait for it a moment.
    public static async Task<PartnerService> Seeded(ChatApp app, string id)
    {
        var directory = app.Get<ServiceDirectory>();
        var deadline = DateTime.UtcNow + ChatApp.Timeout;
        while (true)
        {
            if (await directory.Find(id) is { } service) return service;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{id} never appeared in the seeded directory");
            await Task.Delay(50);
        }
    }

    // Coordinators switch a seeded service to live once its staff have accounts here.
    public static async Task Live(ChatApp app, string id) =>
        await app.Get<ServiceDirectory>().Save(await Seeded(app, id) with { Receives = HandoverMode.Live });

    // A method for the other role is refused by SignalR before the hub runs it.
    public static async Task Unauthorized(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(call);
        Assert.Contains("unauthorized", refused.Message);
    }
}
