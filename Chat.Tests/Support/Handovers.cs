using Chat.Server.Handover;

namespace Chat.Tests.Support;

public static class Handovers
{
    // A service from the seeded directory.
    public static async Task<PartnerService> Seeded(ChatApp app, string id)
    {
        await app.Seeded();
        return await app.Get<ServiceDirectory>().Find(id) ?? throw new InvalidOperationException($"{id} is not in the seeded directory");
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
