using System.Text.RegularExpressions;

namespace Chat.Server.Content;

// A page's address: lowercase ASCII letters and digits in words joined by single dashes. Nothing else, so
// no "../", no look-alike letters from other alphabets, and one way only to write each address.
public static partial class Slugs
{
    public const int MaxLength = 80;

    public static bool IsSlug(string? value) => value is { Length: > 0 and <= MaxLength } && Shape().IsMatch(value);

    // Addresses of pages the code generates (WhereElse), in whichever language: no coordinator's page can take them.
    public static IReadOnlySet<string> Reserved => WhereElse.AllSlugs;

    public static bool IsReserved(string? value) => value is not null && Reserved.Contains(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
