using Chat.Server.Conversations;
using Chat.Server.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Server.Staff;

public sealed record ObserverChangedEvent(string ConversationId, string? Observer);

// The coordinators' live dashboard: the floor now, ending a stuck chat, and following a chat silently to support
// its counsellor. Reading chats is for coordinators only; admins see the numbers.
public sealed partial class StaffHub
{
    [Authorize(Roles = StaffRoles.Dashboard)]
    public async Task<Reply<DashboardState>> WatchDashboard([FromServices] DashboardBroadcaster dashboard) =>
        Reply.Ok(await dashboard.Watch(Context, Groups));

    // Ends a chat in progress, as "the chat was ended" for the young person; the counsellor still wraps it up. A chat
    // still waiting is not stuck: its young person can leave, and the grace period ends it when their page is gone.
    [Authorize(Roles = StaffRoles.Coordinator)]
    public async Task<Reply<object?>> EndChat(
        string? conversationId, [FromServices] YouthLeaving endings, [FromServices] DashboardBroadcaster dashboard, [FromServices] AuditLog audit)
    {
        var id = TextRules.ConversationId(conversationId);
        var conversation = await store.Find(id) ?? throw ConversationStore.UnknownConversation();
        if (conversation.State != "active") throw ConversationStore.Refusal(conversation.State == "ended" ? "already-ended" : "not-active");
        var ending = await store.End(id, "system", Me);
        await endings.Announce(id, ending);
        await audit.Record(Me, AuditActions.ChatEnded, ending.Counsellor.Length > 0 ? ending.Counsellor : "queue");
        DashboardLog.CoordinatorActed(logger, "ended a chat");
        dashboard.Request();
        return Reply.Ok();
    }

    [Authorize(Roles = StaffRoles.Coordinator)]
    public async Task<Reply<StaffChat>> JoinSilently(
        string? conversationId, [FromServices] Observers observers, [FromServices] DashboardBroadcaster dashboard, [FromServices] AuditLog audit)
    {
        var id = TextRules.ConversationId(conversationId);
        var seat = await observers.Join(id, Me, MyName);
        dashboard.Follows(Context, id);
        await relay.ToStaff(seat.Staff, nameof(IStaffClient.ObserverChanged), new ObserverChangedEvent(id, MyName));
        await audit.Record(Me, AuditActions.ChatFollowed, seat.Staff.FirstOrDefault() ?? "");
        DashboardLog.CoordinatorActed(logger, "joined a chat silently");
        return Reply.Ok(ToStaffChat(await store.ReadAs(Me, id)) with { Holder = false });
    }

    [Authorize(Roles = StaffRoles.Coordinator)]
    public async Task<Reply<object?>> LeaveSilently(string? conversationId, [FromServices] Observers observers, [FromServices] DashboardBroadcaster dashboard)
    {
        var id = TextRules.ConversationId(conversationId);
        var seat = await observers.Leave(id, Me);
        dashboard.Follows(Context, null);
        await relay.ToStaff(seat.Staff, nameof(IStaffClient.ObserverChanged), new ObserverChangedEvent(id, null));
        return Reply.Ok();
    }
}
