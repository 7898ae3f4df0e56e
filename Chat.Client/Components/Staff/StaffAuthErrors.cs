namespace Chat.Client.Components.Staff;

// The codes the /staff/auth/* endpoints put in ?error= when they send the browser back.
public static class StaffAuthErrors
{
    public static string? Describe(string? code) => code switch
    {
        null or "" => null,
        "invalid" => "Fel användarnamn eller lösenord.",
        "setup-closed" => "Det första kontot finns redan. Logga in i stället.",
        "invalid-code" => "Engångskoden stämmer inte. Kontrollera den i filen som servern skrev ut när den startade.",
        "locked" => "För många försök att logga in. Vänta en stund och försök igen senare.",
        "disabled" => "Kontot är avstängt. Prata med en administratör om du ska kunna logga in igen.",
        "session-ended" => "Du är utloggad: passet tog slut, någon loggade ut eller kontot ändrades. Logga in igen.",
        "wrong-password" => "Det nuvarande lösenordet stämmer inte.",
        "invalid-user-name" => "Användarnamnet går inte att använda. Välj ett kort namn med bokstäver a–z och siffror.",
        _ => PasswordWords.Describe(code) ?? "Något gick fel. Försök igen.",
    };
}
