namespace Chat.Server.Staff;

// Passwords and passphrases that are tried first, written for this service (Swedish and English), compared as
// lower-case letters and digits only. A trailing year or number does not make one of them good: "Sommar2024!"
// is "sommar" with digits. Kept short on purpose: the length rule does most of the work.
public static class CommonPasswords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "lösenord", "losenord", "losen", "lösen", "qwerty", "qwertyuiop", "qwertyuiopå",
        "asdfghjkl", "asdfghjklöä", "zxcvbnm", "iloveyou", "jagälskardig", "jagalskardig", "welcome", "välkommen",
        "valkommen", "sommar", "sommaren", "vinter", "vintern", "hösten", "våren", "sverige", "stockholm", "göteborg",
        "malmö", "hejhej", "hejsan", "letmein", "monkey", "dragon", "football", "fotboll", "baseball", "superman",
        "batman", "trustno1", "sunshine", "princess", "shadow", "master", "admin", "administrator", "changeme",
        "secret", "hemlig", "hemligt", "kurator", "stödchatten", "stodchatten", "chatten", "support",
        "correcthorsebatterystaple", "thequickbrownfoxjumpsoverthelazydog", "jagheter", "minhund", "minkatt",
        "abc", "abcd", "qazwsx", "qazwsxedc", "1q2w3e4r", "1q2w3e4r5t", "zaq12wsx", "passwordpassword",
        "ilovemyfamily", "iloveyouforever", "jagälskarmittjobb", "tomtenfinnsinte", "köttbullar", "kanelbulle",
        "midsommar", "julafton", "nyttlösenord", "nyttlosenord", "mittlösenord", "mittlosenord",
    };

    public static bool Contains(string letters) =>
        Words.Contains(letters) || Words.Contains(letters.TrimEnd("0123456789".ToCharArray())) ||
        Words.Contains(letters.TrimStart("0123456789".ToCharArray()));
}
