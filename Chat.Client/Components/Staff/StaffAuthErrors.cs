using Chat.Client.Texts;

namespace Chat.Client.Components.Staff;

// The codes the /staff/auth/* endpoints put in ?error= when they send the browser back.
public static class StaffAuthErrors
{
    public static string? Describe(Language language, string? code) => code switch
    {
        null or "" => null,
        "invalid" or "setup-closed" or "invalid-code" or "locked" or "disabled" or "session-ended" or "wrong-password"
            or "invalid-user-name" => language[$"auth.error.{code}"],
        _ => PasswordWords.Describe(language, code) ?? language["errors.fallback"],
    };
}
