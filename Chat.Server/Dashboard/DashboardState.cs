namespace Chat.Server.Dashboard;

// What a coordinator sees now (docs/protocol.md, "DashboardState"). Times are Unix milliseconds; no text of any chat.
// Waiting: young people in the counsellors' queue; LongestWaitSeconds: the first of them, null when none.
// DangerWaiting: waiting chats (queue or a service's desk) whose young person said they are in danger.
// FreeCapacity: places counsellors on duty have left. HandoversToday: live and by code, since local midnight.
public sealed record DashboardState(
    long At, int Waiting, int? LongestWaitSeconds, int DangerWaiting, int OnDuty, int Capacity, int FreeCapacity,
    int ChatsInProgress, long HandoversToday, IReadOnlyList<DashboardChat> Chats, IReadOnlyList<DeskState> Desks);

// One chat in progress. Holder: the display name of whoever holds it (Service: their partner service, if any).
// LastActivity: the time of its newest transcript entry. Stuck: nothing has happened for DashboardOptions.StuckAfter.
// YouthAway: the young person's page is not connected now. Observer: a coordinator silently in the chat.
public sealed record DashboardChat(
    string ConversationId, string Holder, string? Service, long Taken, long LastActivity, bool Stuck, bool YouthAway,
    bool Danger, string? Guest, string? Observer, string? WaitingFor);

// A partner service's desk with anyone on duty or anyone waiting for it.
public sealed record DeskState(string Service, string Name, int OnDuty, int Waiting);
