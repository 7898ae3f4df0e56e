namespace Chat.Server.Staff;

// The audit log's action words in the admins' language.
public static class AuditWords
{
    public static string Describe(string action) => action switch
    {
        AuditActions.AccountCreated => "skapade kontot",
        AuditActions.AccountDisabled => "stängde av kontot",
        AuditActions.AccountEnabled => "slog på kontot igen",
        AuditActions.PasswordResetForced => "gav kontot ett tillfälligt lösenord",
        AuditActions.PasswordChanged => "bytte sitt lösenord",
        AuditActions.SignedIn => "loggade in",
        AuditActions.SignedOut => "loggade ut",
        AuditActions.SignInLocked => "för många felaktiga inloggningar: användarnamnet spärrades en stund",
        AuditActions.PageSaved => "sparade hjälpsidan",
        AuditActions.PagePublished => "publicerade hjälpsidan",
        AuditActions.PageUnpublished => "avpublicerade hjälpsidan",
        AuditActions.PageRestored => "återställde en äldre version av hjälpsidan",
        AuditActions.ServiceSaved => "ändrade tjänsten i katalogen",
        AuditActions.ServiceAdded => "lade till tjänsten i katalogen",
        AuditActions.ServiceRemoved => "tog bort tjänsten ur katalogen",
        AuditActions.OpeningHoursChanged => "ändrade chattens öppettider",
        AuditActions.QuickRepliesChanged => "ändrade snabbsvaren",
        AuditActions.StatsExported => "laddade ner statistiken",
        AuditActions.ChatEnded => "avslutade en pågående chatt som hölls av",
        AuditActions.ChatFollowed => "följde tyst en chatt som hölls av",
        _ => action,
    };
}
