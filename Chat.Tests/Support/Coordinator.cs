using Chat.Server.Conversations;
using Chat.Server.Dashboard;
using Chat.Server.Staff;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Support;

// A coordinator on the staff hub, watching the dashboard.
public sealed class Coordinator(HubConnection hub) : IAsyncDisposable
{
    public EventRecorder<DashboardState> Dashboard { get; } = hub.Record<DashboardState>("DashboardChanged");
    public EventRecorder<StaffMessageEvent> Messages { get; } = hub.Record<StaffMessageEvent>("Message");

    public static async Task<Coordinator> SignIn(ChatApp app, string userName, string role = StaffRoles.Coordinator)
    {
        await app.CreateStaff(userName, role);
        return new(await app.ConnectAsync("/hubs/staff", new HubClientOptions { Cookie = await app.SignIn(userName) }));
    }

    public Task<Reply<DashboardState>> Watch() => Call<DashboardState>("WatchDashboard");
    public Task<Reply<object?>> EndChat(string? conversationId) => Call<object?>("EndChat", conversationId);
    public Task<Reply<StaffChat>> JoinSilently(string? conversationId) => Call<StaffChat>("JoinSilently", conversationId);
    public Task<Reply<object?>> LeaveSilently(string? conversationId) => Call<object?>("LeaveSilently", conversationId);
    public Task<Reply<SendResult>> Send(string conversationId, string text) =>
        Call<SendResult>("Send", new StaffSendRequest(conversationId, Guid.NewGuid().ToString("N"), text));

    // Waits for a pushed state that matches.
    public async Task<DashboardState> Until(Func<DashboardState, bool> match)
    {
        while (true)
        {
            var state = await Dashboard.NextAsync(ChatApp.Timeout);
            if (match(state)) return state;
        }
    }

    public Task<Reply<T>> Call<T>(string method, params object?[] args) =>
        hub.InvokeCoreAsync<Reply<T>>(method, args).Within(ChatApp.Timeout, method);

    public ValueTask DisposeAsync() => hub.DisposeAsync();
}
