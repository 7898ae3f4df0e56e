using System.Collections.Frozen;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Chat.Client.Texts;

// The languages to offer, the first being the default (appsettings "Languages:Offered"). Each needs its file,
// wwwroot/texts/{code}.json: adding a language is adding that file and its code here (docs/architecture.md).
public sealed class LanguageOptions
{
    public static readonly List<string> Usual = ["sv", "en", "ar"];

    // Empty means the usual three. (A default list here would be added to, not replaced, by the configured one.)
    public List<string> Offered { get; set; } = [];

    public IReadOnlyList<string> Codes => Offered.Count > 0 ? Offered : Usual;

    // The language of the staff pages (console, dashboard, coordinators' pages): one for the whole service. It
    // needs the young person's file and the staff's files (Texts/Staff/{area}/{code}.json): Swedish or English.
    public string Staff { get; set; } = "sv";
}

// Every UI text a young person sees, in every language: one JSON file per language (wwwroot/texts), embedded for
// the server's rendering and served, fingerprinted, to texts.js. A value is a text with {name} slots, or an
// object of plural forms ("one", "other", and for Arabic "zero", "two", "few", "many").
public sealed class TextCatalog
{
    // Every language that has a file, whether offered or not: codes are checked against this.
    public static FrozenDictionary<string, FrozenDictionary<string, JsonElement>> Files { get; } = Load("texts/");

    // The staff pages' own texts per language, every area's file merged (Texts/Staff/{area}/{code}.json): embedded
    // only, never served, as the staff pages carry theirs in the page.
    public static FrozenDictionary<string, FrozenDictionary<string, JsonElement>> StaffFiles { get; } = Load("staff-texts/");

    // The staff pages' Swedish (the default), for code with no catalog at hand: static lists and older callers.
    // Merged once: it is also what another staff language falls back to.
    private static readonly FrozenDictionary<string, JsonElement> StaffSwedishTexts = Merged(Files["sv"], StaffFiles["sv"]);
    public static Language StaffSwedish { get; } = new("sv", StaffSwedishTexts, StaffSwedishTexts);

    // Their codes, the usual three first, then the others by code: the order forms and stored lists follow.
    public static IReadOnlyList<string> Known { get; } =
        [.. Files.Keys.OrderBy(code => LanguageOptions.Usual.IndexOf(code) is var at and >= 0 ? at : LanguageOptions.Usual.Count).ThenBy(code => code, StringComparer.Ordinal)];

    // A language's name in itself ("العربية"), from its file.
    public static string NameOf(string code) => Text(code, "language.name") ?? code;

    // One text of a file, without a catalog (for static lists); null when the file or the text is missing.
    public static string? Text(string code, string key) =>
        Files.TryGetValue(code, out var texts) && texts.TryGetValue(key, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    public IReadOnlyList<Language> Offered { get; }
    public Language Default => Offered[0];

    public TextCatalog(IOptions<LanguageOptions> options)
    {
        var codes = options.Value.Codes;
        var missing = codes.Where(code => !Files.ContainsKey(code)).ToList();
        if (codes.Count == 0 || missing.Count > 0)
            throw new OptionsValidationException(nameof(LanguageOptions), typeof(LanguageOptions),
                [$"Languages:Offered needs at least one language, each with its file Chat.Client/wwwroot/texts/{{code}}.json; missing: {string.Join(", ", missing)}."]);
        var fallback = Files[codes[0]];
        Offered = [.. codes.Select(code => new Language(code, Files[code], fallback))];
        Codes = [.. Offered.Select(l => l.Code)];
        var staff = options.Value.Staff;
        if (!Files.ContainsKey(staff) || !StaffFiles.ContainsKey(staff) || !StaffFiles.ContainsKey("sv"))
            throw new OptionsValidationException(nameof(LanguageOptions), typeof(LanguageOptions),
                [$"Languages:Staff needs a language with its files Chat.Client/wwwroot/texts/{staff}.json and Chat.Client/Texts/Staff/*/{staff}.json."]);
        Staff = staff == "sv" ? StaffSwedish : new Language(staff, Merged(Files[staff], StaffFiles[staff]), StaffSwedishTexts);
    }

    // The staff pages' language: the young person's words (the vocabulary, the transcript) and the staff's own.
    public Language Staff { get; }

    private static FrozenDictionary<string, JsonElement> Merged(IReadOnlyDictionary<string, JsonElement> first, IReadOnlyDictionary<string, JsonElement> second) =>
        first.Concat(second).ToFrozenDictionary(p => p.Key, p => p.Value);

    // Asked in loops (sorting pages by language): made once.
    public IReadOnlyList<string> Codes { get; }

    public bool IsOffered(string? code) => Offered.Any(l => l.Code == code);

    // The language asked for if it is offered, else the default.
    public Language For(string? code) => Offered.FirstOrDefault(l => l.Code == code) ?? Default;

    // The embedded files under prefix, by language code: "texts/sv.json", or "staff-texts/console/sv.json" merged
    // with every other area's "sv.json" (a key is in one area only; TextsTests checks).
    private static FrozenDictionary<string, FrozenDictionary<string, JsonElement>> Load(string prefix)
    {
        var assembly = typeof(TextCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .GroupBy(name => Path.GetFileNameWithoutExtension(name))
            .ToFrozenDictionary(files => files.Key, files => files.SelectMany(name => Read(assembly, name)).ToFrozenDictionary(p => p.Key, p => p.Value));
    }

    private static FrozenDictionary<string, JsonElement> Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.Clone());
    }
}

// One language's texts. A key missing here takes the default language's text (a test keeps every file complete).
public sealed class Language(string code, IReadOnlyDictionary<string, JsonElement> texts, IReadOnlyDictionary<string, JsonElement> fallback)
{
    public string Code { get; } = code;
    public string Name => this["language.name"];
    public bool RightToLeft => this["language.dir"] == "rtl";
    public string Direction => RightToLeft ? "rtl" : "ltr";

    // Day and month names; a language .NET has no culture for gets the invariant one rather than failing.
    public System.Globalization.CultureInfo Culture { get; } = CultureOf(code);

    private static System.Globalization.CultureInfo CultureOf(string code)
    {
        try
        {
            return System.Globalization.CultureInfo.GetCultureInfo(code);
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return System.Globalization.CultureInfo.InvariantCulture;
        }
    }

    // The texts as JSON that is safe inside a <script type="application/json">: every '<' and '&' escaped, so no
    // text can close the element. The page carries its default language this way (texts.js); made when first asked,
    // as only the default and the staff language ever are.
    public string Json => json ??= JsonSerializer.Serialize(texts, InScript);
    private string? json;
    private static readonly JsonSerializerOptions InScript = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string this[string key] => Value(key) is { ValueKind: JsonValueKind.String } text ? text.GetString()! : key;

    // "{name}" slots filled in; a slot without a value stays as it is, so a missing value shows rather than hides.
    public string Format(string key, params (string Name, object? Value)[] values) => Fill(this[key], values);

    // The plural form for count ("one" for 1, "other" otherwise): the server renders only plain counts in the
    // default language; texts.js picks forms with the browser's Intl.PluralRules for every language.
    public string Plural(string key, long count, params (string Name, object? Value)[] values)
    {
        var forms = Value(key);
        var form = forms is { ValueKind: JsonValueKind.Object }
            && forms.Value.TryGetProperty(count == 1 ? "one" : "other", out var chosen) ? chosen.GetString()
            : forms is { ValueKind: JsonValueKind.Object } && forms.Value.TryGetProperty("other", out var other) ? other.GetString()
            : key;
        return Fill(form!, [("count", count), .. values]);
    }

    private JsonElement? Value(string key) =>
        texts.TryGetValue(key, out var value) || fallback.TryGetValue(key, out value) ? value : null;

    private static string Fill(string text, (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        return text;
    }
}
