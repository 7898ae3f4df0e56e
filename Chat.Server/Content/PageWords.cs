using Chat.Client.Texts;

namespace Chat.Server.Content;

// A field of an editor's form and what is wrong with it (a stable code; PageWords.Describe has the words).
public sealed record PageProblem(string Field, string Code);

// The help pages' editor in the coordinators' language (the staff's): refusals, language names, times.
public static class PageWords
{
    public static string Describe(Language words, string code, int maxLength) => code switch
    {
        "invalid-slug" => words["pages.rule.slug"],
        "invalid-language" => words["pages.error.invalid-language"],
        "page-exists" => words["pages.error.page-exists"],
        "page-too-large" => words.Format("pages.error.page-too-large", ("max", maxLength)),
        "missing-title" => words["pages.error.missing-title"] + " " + words["pages.rule.title"],
        "invalid-characters" => words["pages.error.invalid-characters"],
        "conflict" => words["pages.error.conflict"],
        "unsaved-changes" => words["pages.error.unsaved-changes"],
        "unknown-page" => words["pages.error.unknown-page"],
        "unknown-version" => words["pages.error.unknown-version"],
        "unavailable" => words["pages.error.unavailable"],
        _ => words["pages.error.fallback"],
    };

    // A page's language named in the staff's language; one without words there by its own name.
    public static string Language(Language words, string code) => code switch
    {
        "sv" => words["pages.language.sv"],
        "en" => words["pages.language.en"],
        "ar" => words["pages.language.ar"],
        _ => TextCatalog.NameOf(code),
    };

    // Unix milliseconds as the coordinators' local time, e.g. "2026-03-14 09:05".
    public static string Time(long unixMilliseconds, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds), zone).ToString("yyyy-MM-dd HH:mm");
}
