using Chat.Server.Staff;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Conversations;

// The one place that pushes conversation events to the two sides.
// A young person is reached by the connection holding the conversation;
// a counsellor by user name, so every tab of theirs gets the event.
public sealed class Relay(IHubContext<YouthHub, IYouthClient> youth, IHubContext<StaffHub, IStaffClient> staff)
{
    public Task Message(string conversationId, string youthConnection, string counsellor, ChatMessage message) =>
        Task.WhenAll(
            youthConnection.Length == 0 ? Task.CompletedTask : youth.Clients.Client(youthConnection).Message(message),
            counsellor.Length == 0 ? Task.CompletedTask : staff.Clients.User(counsellor).Message(new StaffMessageEvent(conversationId, message)));

    public Task YouthTyping(string conversationId, string counsellor, bool isTyping) =>
        counsellor.Length == 0 ? Task.CompletedTask : staff.Clients.User(counsellor).Typing(new StaffTypingEvent(conversationId, isTyping));

    public Task CounsellorTyping(string youthConnection, bool isTyping) =>
        youthConnection.Length == 0 ? Task.CompletedTask : youth.Clients.Client(youthConnection).Typing(new TypingEvent(isTyping));

    public Task SessionMoved(string previousConnection) => youth.Clients.Client(previousConnection).SessionMoved();

    public Task QueuePosition(string youthConnection, int position) =>
        youthConnection.Length == 0 ? Task.CompletedTask : youth.Clients.Client(youthConnection).QueuePosition(new QueuePositionEvent(position));

    public Task QueueChanged(IReadOnlyList<string> onDuty, IReadOnlyList<Queue.WaitingChat> waiting) =>
        onDuty.Count == 0 ? Task.CompletedTask : staff.Clients.Users(onDuty).QueueChanged(waiting);

    public Task DutyChanged(string counsellor, DutyStatus status) => staff.Clients.User(counsellor).DutyChanged(status);
    public Task DangerAlert(IReadOnlyList<string> counsellors, DangerAlertEvent alert) => counsellors.Count == 0 ? Task.CompletedTask : staff.Clients.Users(counsellors).DangerAlert(alert);
    public Task QueueUpdate(string youthConnection, QueuePositionEvent update) => youthConnection.Length == 0 ? Task.CompletedTask : youth.Clients.Client(youthConnection).QueuePosition(update);
}
