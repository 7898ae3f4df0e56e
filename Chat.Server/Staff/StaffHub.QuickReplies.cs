using Chat.Server.Conversations;
using Chat.Server.QuickReplies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Server.Staff;

// The coordinators' quick replies, for the composer's "Snabbsvar" menu: read each time it opens, so an edit
// during a shift reaches every desk without a reload.
public sealed partial class StaffHub
{
    [Authorize(Roles = StaffRoles.Desk)]
    public async Task<Reply<IReadOnlyList<QuickReply>>> QuickReplies([FromServices] QuickReplyStore replies) =>
        Reply.Ok(await replies.All());
}
