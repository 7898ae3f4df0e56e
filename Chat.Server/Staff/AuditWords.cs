using Chat.Client.Texts;

namespace Chat.Server.Staff;

// The audit log's action words in the admins' language (the staff's).
public static class AuditWords
{
    public static string Describe(Language words, string action) => action switch
    {
        AuditActions.AccountCreated => words["audit.action.accountCreated"],
        AuditActions.AccountDisabled => words["audit.action.accountDisabled"],
        AuditActions.AccountEnabled => words["audit.action.accountEnabled"],
        AuditActions.PasswordResetForced => words["audit.action.passwordResetForced"],
        AuditActions.PasswordChanged => words["audit.action.passwordChanged"],
        AuditActions.SignedIn => words["audit.action.signedIn"],
        AuditActions.SignedOut => words["audit.action.signedOut"],
        AuditActions.SignInLocked => words["audit.action.signInLocked"],
        AuditActions.PageSaved => words["audit.action.pageSaved"],
        AuditActions.PagePublished => words["audit.action.pagePublished"],
        AuditActions.PageUnpublished => words["audit.action.pageUnpublished"],
        AuditActions.PageRestored => words["audit.action.pageRestored"],
        AuditActions.ServiceSaved => words["audit.action.serviceSaved"],
        AuditActions.ServiceAdded => words["audit.action.serviceAdded"],
        AuditActions.ServiceRemoved => words["audit.action.serviceRemoved"],
        AuditActions.OpeningHoursChanged => words["audit.action.openingHoursChanged"],
        AuditActions.QuickRepliesChanged => words["audit.action.quickRepliesChanged"],
        AuditActions.StatsExported => words["audit.action.statsExported"],
        AuditActions.ChatEnded => words["audit.action.chatEnded"],
        AuditActions.ChatFollowed => words["audit.action.chatFollowed"],
        _ => action,
    };
}
