using Chat.Server.Conversations;
using Chat.Server.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Server.Staff;

// Ending an abusive chat for good. Only whoever holds the chat may block it (a partner's member who has joined but not
// taken over cannot): the young person sees the same calm ending as any other, their token can no longer resume it,
// and the client they started from (its keyed hash) cannot start another chat for Abuse:BlockFor.
public sealed partial class StaffHub
{
    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<object?>> Block(string? conversationId, [FromServices] FloodGate flood, [FromServices] AuditLog audit, [FromServices] YouthLeaving endings)
    {
        var id = TextRules.ConversationId(conversationId);
        var conversation = await store.Find(id) ?? throw ConversationStore.UnknownConversation();
        if (conversation.Counsellor != Me) throw ConversationStore.Refusal("not-your-conversation");
        var first = await flood.Block(conversation);
        if (conversation.State != "ended")
        {
            try
            {
                await End(id, endings);
            }
            catch (ChatError refusal) when (refusal.Code == "already-ended")
            {
                // The young person left in the same moment: the block holds all the same.
            }
        }
        if (!first) return Reply.Ok();
        await counters.Count("blocked");
        await audit.Record(Me, AuditActions.ChatBlocked, "");
        PrivacyLog.ChatBlocked(logger);
        return Reply.Ok();
    }
}
