using Chat.Client.Texts;

namespace Chat.Client.Components.Staff;

// The password rules' refusals (Chat.Server's PasswordRules codes) in the staff's language, for every form that
// sets a password. The lengths are the rules' own; a unit test keeps the two in step.
public static class PasswordWords
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    public static string Advice(Language language) => language["auth.password.advice"];

    public static string? Describe(Language language, string? code) => code switch
    {
        "password-too-short" or "password-too-long" or "password-has-name" or "password-repeated" or "password-sequence"
            or "password-common" or "password-mismatch" or "password-unchanged" =>
            language.Format($"auth.error.{code}", ("min", MinLength), ("max", MaxLength), ("advice", Advice(language))),
        _ => null,
    };
}
