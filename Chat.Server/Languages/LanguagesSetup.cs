using Chat.Client.Texts;

namespace Chat.Server.Languages;

public static class LanguagesSetup
{
    // The languages offered to young people (Languages:Offered, the first the default) and their texts, read once.
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddOptions<LanguageOptions>().BindConfiguration("Languages")
            // Two or three letters: a language is the first segment of a help page's address, and must never be taken for "staff".
            .Validate(o => o.Codes.All(l => l.Length is 2 or 3 && l.All(char.IsAsciiLetterLower)) && o.Codes.Distinct().Count() == o.Codes.Count
                && o.Staff is { Length: 2 or 3 },
                "Languages:Offered needs at least one language code of two or three letters a–z, each once.")
            .ValidateOnStart();
        services.AddSingleton<TextCatalog>();
        return services;
    }
}
