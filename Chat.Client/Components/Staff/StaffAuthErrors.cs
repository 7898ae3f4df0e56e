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
        "weak-password" => "Lösenordet är för svagt. Välj ett längre lösenord, gärna en hel mening.",
        "invalid-user-name" => "Användarnamnet går inte att använda. Välj ett kort namn med bokstäver a–z och siffror.",
        _ => "Något gick fel. Försök igen.",
    };
}
