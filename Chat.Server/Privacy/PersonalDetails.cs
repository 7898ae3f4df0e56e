using System.Text.RegularExpressions;
using Chat.Server.Conversations;

namespace Chat.Server.Privacy;

// Does a young person's message look like it says who they are? A personal identity number (personnummer or
// samordningsnummer, Luhn-checked), a phone number, an e-mail address or a street address. Not a judgement and
// not stored anywhere: the page asks "do you really want to share this?", and the hub refuses until it has asked.
// The browser runs the same rules (Chat.Client/scripts/personal-details.js); PersonalDetailsAgreementTests runs one
// corpus through both. Keep the patterns to what both regex engines read alike: [0-9] rather than \d (which is
// every script's digits in .NET), no inline options, explicit letters for å ä ö.
public static partial class PersonalDetails
{
    public const string IdentityNumber = "identity-number";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Address = "address";

    // The kinds found, in this fixed order, each once; empty when the text looks like none.
    public static IReadOnlyList<string> Find(string text)
    {
        var found = new List<string>();
        var identities = IdentityPattern().Matches(text).Where(IsIdentityNumber).ToList();
        if (identities.Count > 0) found.Add(IdentityNumber);
        // A number already read as an identity number is not also a phone number (050709-1234 could be either).
        if (PhonePattern().Matches(text).Any(m => IsPhone(m.Value) && !identities.Any(i => Overlap(i, m)))) found.Add(Phone);
        if (EmailPattern().IsMatch(text)) found.Add(Email);
        if (AddressPattern().IsMatch(text)) found.Add(Address);
        return found;
    }

    // The hub's check: refused unless the young person said yes to sharing it (the page asked first).
    public static void RequireConsent(string text, bool confirmed)
    {
        if (confirmed) return;
        if (Find(text) is { Count: > 0 } kinds)
            throw new ChatError("looks-personal",
                $"The text looks like personal details ({string.Join(", ", kinds)}). Ask the person, then send it again with confirmed: true.");
    }

    // YYMMDD or YYYYMMDD, an optional separator, four digits; the day is 61-91 for a samordningsnummer.
    public static bool IsIdentityNumber(Match match)
    {
        var month = int.Parse(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].Value);
        if (month is < 1 or > 12 || day is not (>= 1 and <= 31 or >= 61 and <= 91)) return false;
        return Luhn(match.Groups["year"].Value + match.Groups["month"].Value + match.Groups["day"].Value + match.Groups["serial"].Value);
    }

    // The Luhn check of the 10 digits without the century: weights 2, 1, 2, 1, … and the digit sums of the products.
    public static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var product = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return sum % 10 == 0;
    }

    // A number that starts with 0 (Swedish: 070-123 45 67, 08-123 456 78), + or 00 (+46 70 123 45 67, "(0)" allowed)
    // and has at least 8 digits besides a 00. No upper limit: a number typed beside another one still counts.
    public static bool IsPhone(string candidate) =>
        candidate.Count(char.IsAsciiDigit) - (candidate.StartsWith("00") ? 2 : 0) >= 8;

    private static bool Overlap(Match a, Match b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    public const string IdentitySource =
        "(?<![0-9])(?<century>18|19|20)?(?<year>[0-9]{2})(?<month>[0-9]{2})(?<day>[0-9]{2})[-+ ]?(?<serial>[0-9]{4})(?![0-9])";

    // Starts at a 0 or a +, so a number before it ("jag är 15 070-…") is not glued on.
    public const string PhoneSource = "(?<![0-9+])(?:\\+[0-9]|0)(?:[ ()-]{0,2}[0-9]){5,17}(?![0-9])";

    public const string EmailSource = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

    // A street name (two letters or more, then a common Swedish ending) and a house number, maybe with a letter:
    // "Storgatan 12", "Kungsvägen 3B", "Ringvägen 7 A".
    public const string AddressSource =
        "(?<![A-Za-zÅÄÖåäöÉé])[A-Za-zÅÄÖåäöÉé]{2,}(?:gatan|gata|vägen|väg|gränd|gränden|torget|torg|allén|allé|backen|backe|" +
        "stigen|platsen|leden|stråket|kajen|slingan|promenaden|esplanaden|ringen|liden) [0-9]{1,4}(?: ?[A-Za-z])?(?![0-9A-Za-z])";

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(IdentitySource, Options)]
    private static partial Regex IdentityPattern();

    [GeneratedRegex(PhoneSource, Options)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(EmailSource, Options)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(AddressSource, Options | RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();
}
