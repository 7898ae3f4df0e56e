using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chat.Server.Handover;

// Pickup codes: 12 characters a young person can read off a phone and type back, shown as XXXX-XXXX-XXXX.
// The first 4 (the selector) find the code in Redis; the other 8 (the secret) are never stored: Redis holds
// the SHA-256 of the whole code. 31^12 ≈ 2^59 codes, 31^8 ≈ 2^39 secrets per selector.
public static class CodeRules
{
    public const string Handover = "handover";
    public const string Return = "return";

    // No 0/O and no 1/I/L: no character of a code can be read as another.
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 12;
    public const int SelectorLength = 4;
    public const int MaxInputLength = 64;

    public static bool IsKind(string? kind) => kind is Handover or Return;

    // RandomNumberGenerator.GetString picks each character uniformly (rejection sampling, no modulo bias).
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsCode(string? code) => code is { Length: Length } && code.All(c => Alphabet.Contains(c));

    public static string Selector(string code) => Checked(code)[..SelectorLength];

    public static string Format(string code) => $"{Checked(code)[..4]}-{code[4..8]}-{code[8..]}";

    // What was typed, as the code it can only be, or null. Case, spaces, dashes of any kind and invisible
    // characters do not matter; full-width forms and the Cyrillic and Greek letters that look like a letter of
    // the alphabet (a phone with another keyboard) count as that letter. 0, O, 1, I and L never occur in a code,
    // and O could have been a misread D or Q: rather than guess (and spend a rate-limited attempt) the caller
    // is told it is not a code.
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > MaxInputLength) return null;
        Span<char> code = stackalloc char[Length];
        var count = 0;
        foreach (var typed in input)
        {
            var c = typed is >= '\uFF01' and <= '\uFF5E' ? (char)(typed - 0xFEE0) : typed; // full-width ASCII
            if (char.IsWhiteSpace(c) || c == '\u2212' || char.GetUnicodeCategory(c) is UnicodeCategory.DashPunctuation or UnicodeCategory.Format)
                continue;
            var letter = LookAlike(char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c);
            if (count == Length || !Alphabet.Contains(letter)) return null;
            code[count++] = letter;
        }
        return count == Length ? new string(code) : null;
    }

    // Hex of SHA-256 over the normalized code: what Redis holds instead of the secret.
    public static string Verifier(string code) => Convert.ToHexStringLower(Hash(code));

    // Constant-time; a missing or malformed stored verifier costs the same work and never matches.
    public static bool VerifierMatches(string code, string? stored)
    {
        Span<byte> held = stackalloc byte[SHA256.HashSizeInBytes];
        var wellFormed = stored is { Length: SHA256.HashSizeInBytes * 2 }
            && Convert.FromHexString(stored, held, out _, out var written) == OperationStatus.Done
            && written == SHA256.HashSizeInBytes;
        return CryptographicOperations.FixedTimeEquals(Hash(code), held) & wellFormed;
    }

    private static byte[] Hash(string code) => SHA256.HashData(Encoding.ASCII.GetBytes(Checked(code)));

    private static string Checked(string code) =>
        IsCode(code) ? code : throw new ArgumentException("Not a normalized pickup code.", nameof(code));

    private const string LookAlikes = "АВЕЗКМНРСТУХЅЈавезкмнрстухѕјΑΒΕΖΗΚΜΝΡΤΥΧαβεζκρτχ";
    private const string LookedLike = "ABE3KMHPCTYXSJABE3KMHPCTYXSJABEZHKMNPTYXABEZKPTX";

    private static char LookAlike(char c)
    {
        var i = LookAlikes.IndexOf(c);
        return i < 0 ? c : LookedLike[i];
    }
}
