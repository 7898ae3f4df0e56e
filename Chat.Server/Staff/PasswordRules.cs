namespace Chat.Server.Staff;

// What a staff password must be, after NIST SP 800-63B: long enough, no composition rules (no "one digit, one
// capital"), and not something an attacker tries first. Pure; the codes are stable, PasswordWords has the Swedish.
public static class PasswordRules
{
    // The limits the forms state in words (PasswordWords, in Chat.Client, which the server references).
    public const int MinLength = Chat.Client.Components.Staff.PasswordWords.MinLength;
    public const int MaxLength = Chat.Client.Components.Staff.PasswordWords.MaxLength;

    public const string TooShort = "password-too-short";
    public const string TooLong = "password-too-long";
    public const string HasName = "password-has-name";
    public const string Repeated = "password-repeated";
    public const string Sequence = "password-sequence";
    public const string Common = "password-common";

    public static readonly IReadOnlyList<string> Codes = [TooShort, TooLong, HasName, Repeated, Sequence, Common];

    // The first rule the password breaks, or null when it is good. userName and displayName are the account's own.
    public static string? Problem(string? password, string? userName, string? displayName)
    {
        if (password is null || password.Length < MinLength) return TooShort;
        if (password.Length > MaxLength) return TooLong;
        var lower = password.ToLowerInvariant();
        if (Contains(lower, userName) || Contains(lower, displayName?.Trim())) return HasName;
        var letters = Letters(lower);
        if (IsRepeated(lower) || (letters.Length > 0 && IsRepeated(letters))) return Repeated;
        if (IsSequence(letters)) return Sequence;
        if (CommonPasswords.Contains(letters)) return Common;
        return null;
    }

    // Names of three characters or more; shorter ones ("Bo") would refuse too many good passphrases.
    private static bool Contains(string password, string? name) =>
        name is { Length: >= 3 } && password.Contains(name.ToLowerInvariant(), StringComparison.Ordinal);

    // Letters and digits only, so "Lösen ord!" and "lösenord" are one password to the lists below.
    internal static string Letters(string lower) => new([.. lower.Where(char.IsLetterOrDigit)]);

    // One character, or a unit of up to three, over and over: "aaaaaaaaaaaa", "abcabcabcabc", "1212…".
    private static bool IsRepeated(string value)
    {
        for (var unit = 1; unit <= 3 && unit < value.Length; unit++)
            if (Enumerable.Range(unit, value.Length - unit).All(i => value[i] == value[i - unit])) return true;
        return false;
    }

    // Each character one up (or one down) from the one before: "abcdefghijkl", "9876543210987" (digits wrap around).
    private static bool IsSequence(string value)
    {
        if (value.Length < 2) return false;
        var step = Step(value[0], value[1]);
        return step != 0 && Enumerable.Range(1, value.Length - 1).All(i => Step(value[i - 1], value[i]) == step);
    }

    private static int Step(char from, char to)
    {
        if (char.IsAsciiDigit(from) && char.IsAsciiDigit(to))
            return ((to - from + 10) % 10) switch { 1 => 1, 9 => -1, _ => 0 };
        return (to - from) is 1 or -1 ? to - from : 0;
    }
}
