using Chat.Client.Texts;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Support;

// The language files as the service reads them with its default configuration (sv, en, ar).
public static class Words
{
    public static TextCatalog Catalog { get; } = new(Options.Create(new LanguageOptions()));

    public static Language In(string code) => Catalog.For(code);
}
