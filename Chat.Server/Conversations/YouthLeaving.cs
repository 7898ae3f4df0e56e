using Chat.Server.Handover;
using Chat.Server.Queue;
using Chat.Server.Staff;

namespace Chat.Server.Conversations;

// A young person ends their conversation: over the hub, or with the beacon quick exit sends as the page goes.
// Everyone else in it hears of it, and the queue (or a partner's desk) is told.
public sealed class YouthLeaving(
    ConversationStore store, QueueBroadcaster queue, HandoverDesk desk, Relay relay, DutyRoster duty,
    ILogger<YouthLeaving> logger)
{
    public async Task End(string id, string youthConnection, bool byToken = false)
    {
        await Announce(id, await store.End(id, "youth", youthConnection, byToken));
        ConversationLog.Ended(logger, "youth");
    }

    // Everyone hears of an ending the same way, whoever ended it (the young person, the counsellor, a coordinator,
    // a block): the entry to all in it, each staff member's duty, the desk it waited at, and the queue's estimates.
    public async Task Announce(string id, ConversationStore.Ending ending)
    {
        queue.Request(); // the queue shrank, or a place freed up: either way the estimates change
        if (ending.HandoverService.Length > 0) await desk.Broadcast(ending.HandoverService);
        if (ending.Message is not null) await relay.Message(id, ending.YouthConnection, ending.Audience, ending.Message);
        foreach (var user in ending.Staff) await relay.DutyChanged(user, await duty.StatusAtTheirDesk(user));
    }

    // Quick exit leaves the page at once; a WebSocket message sent in that moment may never go out, so the page
    // also sends the token with navigator.sendBeacon, which the browser delivers after the page is gone.
    // The token is the proof: whoever holds it may end that conversation. Always 204, so nothing can be probed.
    public static async Task<IResult> Beacon(HttpRequest request, YouthLeaving leaving, ConversationStore store)
    {
        if (request.ContentLength is > 64) return Results.NoContent();
        using var reader = new StreamReader(request.Body);
        var body = (await reader.ReadToEndAsync()).Trim();
        if (!TextRules.IsToken(body) || await store.FindByToken(body) is not { } id) return Results.NoContent();
        if (await store.Find(id) is { State: "waiting" or "active" })
        {
            try
            {
                // The page's own connection is closing at this very moment: the token, not the connection, decides.
                await leaving.End(id, "", byToken: true);
            }
            catch (ChatError)
            {
                // Ended or moved meanwhile (the hub's End got there first): nothing left to do.
            }
        }
        return Results.NoContent();
    }
}
