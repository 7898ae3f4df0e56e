using Chat.Server.Queue;
using Chat.Server.ScaleOut;
using Chat.Server.Staff;
using static Chat.Server.ScaleOut.Delivery;

namespace Chat.Server.Conversations;

// The one place that pushes conversation events to the two sides, through the fan-out, so
// it works whichever nodes they are connected to. A young person is reached by the connection
// holding the conversation; a counsellor by user name, so every tab of theirs gets the event.
public sealed class Relay(Fanout fanout)
{
    // staff: everyone in the conversation on the staff side (who holds it, and a partner's guest).
    public Task Message(string conversationId, string youthConnection, IReadOnlyList<string> staff, ChatMessage message) =>
        fanout.Publish([
            .. ToYouth(youthConnection, nameof(IYouthClient.Message), message),
            .. ToCounsellors(staff.Where(u => u.Length > 0).Distinct().ToList(), nameof(IStaffClient.Message), new StaffMessageEvent(conversationId, message)),
        ]);

    public Task ToYouthOnly(string youthConnection, string method, object payload) => fanout.Publish(ToYouth(youthConnection, method, payload));

    public Task ToStaff(IReadOnlyList<string> users, string method, object payload) =>
        fanout.Publish(ToCounsellors(users.Where(u => u.Length > 0).Distinct().ToList(), method, payload));

    public Task YouthTyping(string conversationId, IReadOnlyList<string> staff, bool isTyping) =>
        ToStaff(staff, nameof(IStaffClient.Typing), new StaffTypingEvent(conversationId, isTyping));

    public Task CounsellorTyping(string youthConnection, bool isTyping) =>
        fanout.Publish(ToYouth(youthConnection, nameof(IYouthClient.Typing), new TypingEvent(isTyping)));

    public Task SessionMoved(string previousConnection) =>
        fanout.Publish(ToYouth(previousConnection, nameof(IYouthClient.SessionMoved)));

    public Task DutyChanged(string counsellor, DutyStatus status) =>
        fanout.Publish(ToCounsellor(counsellor, nameof(IStaffClient.DutyChanged), status));

    // The whole queue to on-duty counsellors and each waiting young person's place and estimated wait, in one batch.
    public Task Queue(IReadOnlyList<string> onDuty, WaitingRoom.Snapshot snapshot, Func<int, int?> estimatedWaitSeconds) =>
        fanout.Publish([
            .. ToCounsellors(onDuty, nameof(IStaffClient.QueueChanged), new QueueChangedEvent(snapshot.Version, snapshot.Entries.Select(e => e.Chat).ToList())),
            .. snapshot.Entries.SelectMany((e, i) => ToYouth(e.YouthConnection, nameof(IYouthClient.QueuePosition),
                new QueuePositionEvent(i + 1, snapshot.Version, estimatedWaitSeconds(i + 1)))),
        ]);

    public Task DangerAlert(IReadOnlyList<string> counsellors, DangerAlertEvent alert) =>
        fanout.Publish(ToCounsellors(counsellors, nameof(IStaffClient.DangerAlert), alert));
}
