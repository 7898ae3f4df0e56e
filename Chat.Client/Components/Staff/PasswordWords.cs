namespace Chat.Client.Components.Staff;

// The password rules' refusals (Chat.Server's PasswordRules codes) in the staff's language, for every form that
// sets a password. The lengths are the rules' own; a unit test keeps the two in step.
public static class PasswordWords
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    public const string Advice = "Välj en hel mening eller några ord som bara du sätter ihop – lätt att minnas, svår att gissa.";

    public static string? Describe(string? code) => code switch
    {
        "password-too-short" => $"Lösenordet behöver minst {MinLength} tecken. {Advice}",
        "password-too-long" => $"Lösenordet får vara högst {MaxLength} tecken.",
        "password-has-name" => "Lösenordet får inte innehålla ditt användarnamn eller ditt namn.",
        "password-repeated" => "Lösenordet får inte vara samma tecken (eller samma korta bit) om och om igen.",
        "password-sequence" => "Lösenordet får inte vara en enkel följd som ”abcdef…” eller ”123456…”.",
        "password-common" => $"Lösenordet är ett av dem som gissas först. {Advice}",
        "password-mismatch" => "De två nya lösenorden är inte lika. Skriv samma lösenord i båda rutorna.",
        "password-unchanged" => "Välj ett annat lösenord än det du har nu.",
        _ => null,
    };
}
