using Chat.Client.Texts;

namespace Chat.Server.Staff;

// The refusal codes of the new-account form in the admins' language (the staff's), shown beside the field they concern.
public static class AccountErrors
{
    public static string Describe(Language words, string code) => code switch
    {
        "invalid-user-name" => words["accounts.error.invalid-user-name"],
        "user-exists" => words["accounts.error.user-exists"],
        "invalid-display-name" => words.Format("accounts.error.invalid-display-name", ("max", StaffAccounts.MaxDisplayNameLength)),
        "invalid-kind" => words["accounts.error.invalid-kind"],
        "no-service" or "invalid-service" => words["accounts.error.no-service"],
        "unknown-service" => words["accounts.error.unknown-service"],
        "not-yourself" => words["accounts.error.not-yourself"],
        "unknown-account" => words["accounts.error.unknown-account"],
        "invalid-action" => words["accounts.error.invalid-action"],
        // The password rules' words belong to the console's password form (PasswordWords).
        _ => Chat.Client.Components.Staff.PasswordWords.Describe(words, code) ?? words["accounts.error.fallback"],
    };
}
