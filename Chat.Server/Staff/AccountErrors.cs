namespace Chat.Server.Staff;

// The refusal codes of the new-account form in the admins' language, shown beside the field they concern.
public static class AccountErrors
{
    public static string Describe(string code) => code switch
    {
        "invalid-user-name" => "Välj ett användarnamn på 3–32 tecken: bokstäverna a–z, siffror, punkt, bindestreck eller understreck.",
        "user-exists" => "Det finns redan ett konto med det användarnamnet.",
        "invalid-display-name" => $"Skriv ett namn på 1–{StaffAccounts.MaxDisplayNameLength} tecken, på en rad.",
        "invalid-kind" => "Välj vad personen är.",
        "no-service" or "invalid-service" => "Välj vilken samarbetsverksamhet personen arbetar på.",
        "unknown-service" => "Verksamheten finns inte i katalogen eller tar inte emot överlämningar. Välj en i listan.",
        "not-yourself" => "Ditt eget konto kan du inte stänga av eller återställa här. Byt ditt lösenord under ”Byt lösenord”.",
        "unknown-account" => "Kontot finns inte längre.",
        "invalid-action" => "Välj en av knapparna.",
        _ => Chat.Client.Components.Staff.PasswordWords.Describe(code) ?? "Något gick fel. Försök igen.",
    };
}
