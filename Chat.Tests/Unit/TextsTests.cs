using System.Text.Json;
using System.Text.RegularExpressions;
using Chat.Client.Texts;
using Chat.Server.Conversations;
using Chat.Server.Privacy;
using Chat.Tests.Support;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Unit;

// The language files (Chat.Client/wwwroot/texts) are complete: every key in every language with the same {slots},
// and every key the pages and modules ask for is there.
public sealed partial class TextsTests
{
    private static readonly string Folder = Repository.File("Chat.Client/wwwroot/texts");
    private static readonly string[] ArabicForms = ["zero", "one", "two", "few", "many", "other"];

    private static Dictionary<string, JsonElement> Read(string code) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(Folder, $"{code}.json")))!;

    public static TheoryData<string> Languages() => [.. Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Where(code => code != "sv")];

    [Fact]
    public void TheUsualThreeLanguagesHaveFilesAndTheServerKnowsEveryFile()
    {
        Assert.Subset(TextCatalog.Files.Keys.ToHashSet(), LanguageOptions.Usual.ToHashSet());
        Assert.Equal(TextCatalog.Files.Keys.Order(), Vocabulary.Languages.Order());
        Assert.Equal(["sv", "en", "ar"], Vocabulary.Languages.Take(3));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryKeyExistsInEveryLanguageWithTheSameSlots(string code)
    {
        var swedish = Read("sv");
        var other = Read(code);
        Assert.Equal(swedish.Keys.Order(), other.Keys.Order());
        foreach (var (key, value) in swedish)
        {
            Assert.Equal(value.ValueKind, other[key].ValueKind);
            // A plural form may leave out {count} ("one minute", "دقيقتين"), never another slot.
            var expected = Slots(value).Where(s => value.ValueKind != JsonValueKind.Object || s != "count").Order();
            var actual = Slots(other[key]).Where(s => value.ValueKind != JsonValueKind.Object || s != "count").Order();
            Assert.True(expected.SequenceEqual(actual), $"{code}.json \"{key}\" has slots [{string.Join(", ", actual)}], sv.json [{string.Join(", ", expected)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    [InlineData("sv")]
    public void PluralTextsHaveTheFormsTheLanguageNeeds(string code)
    {
        foreach (var (key, value) in Read(code).Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            var forms = value.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains("other", forms);
            if (code == "ar") Assert.Equal(ArabicForms.Order(), forms.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    [InlineData("sv")]
    public void EveryLanguageNamesItselfAndSaysWhichWayItIsWritten(string code)
    {
        var texts = Read(code);
        Assert.False(string.IsNullOrWhiteSpace(texts["language.name"].GetString()));
        Assert.Contains(texts["language.dir"].GetString(), new[] { "ltr", "rtl" });
        Assert.Equal(code == "ar" ? "rtl" : "ltr", texts["language.dir"].GetString());
        // Each language's help links lead to its own pages.
        foreach (var (key, value) in texts.Where(p => p.Key.StartsWith("links.", StringComparison.Ordinal)))
            Assert.Matches($"^/{code}(/[a-z0-9-]+)?$", value.GetString());
    }

    [Fact]
    public void EveryKeyThePagesAndModulesUseIsInTheDefaultLanguage()
    {
        var swedish = Read("sv");
        var used = UsedKeys().ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(u => !swedish.ContainsKey(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "missing from sv.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheKeysModulesBuildFromCodesAreThereForEveryCode()
    {
        var swedish = Read("sv");
        string[] built =
        [
            "connection.reconnecting", "connection.closed", "danger.sending", "danger.sent", "danger.failed",
            .. new[] { PersonalDetails.IdentityNumber, PersonalDetails.Phone, PersonalDetails.Email, PersonalDetails.Address }.Select(kind => $"shareCheck.kind.{kind}"),
            .. Vocabulary.Topics.Select(code => $"vocab.topic.{code}"),
            .. Vocabulary.AgeBands.Select(code => $"vocab.ageBand.{code}"),
        ];
        var missing = built.Where(key => !swedish.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "missing from sv.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void ALanguageWithoutItsFileIsRefusedAtStart()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => new TextCatalog(Options.Create(new LanguageOptions { Offered = ["sv", "so"] })));
        Assert.Contains("so", refused.Message);
    }

    [Fact]
    public void TheFirstOfferedLanguageIsTheDefaultAndTextsAreFilledIn()
    {
        var catalog = new TextCatalog(Options.Create(new LanguageOptions { Offered = ["en", "sv"] }));
        Assert.Equal("en", catalog.Default.Code);
        Assert.Equal("sv", catalog.For("sv").Code);
        Assert.Equal("en", catalog.For("ar").Code); // not offered here
        Assert.Equal("You are number 3 in the queue.", catalog.Default.Format("waiting.position", ("position", 3)));
        Assert.Equal("Estimated wait: about 1 minute.", catalog.Default.Plural("wait.minutes", 1));
        Assert.Equal("Beräknad väntetid: ungefär 5 minuter.", catalog.For("sv").Plural("wait.minutes", 5));
        Assert.True(new TextCatalog(Options.Create(new LanguageOptions())).For("ar").RightToLeft);
    }

    // Keys named in the Razor components, their C# and the browser modules: Of="…", Texts…["…"], data-t*="…",
    // t('…') / plural('…') (every literal in the call, so both sides of a choice count), say(viewer, '…').
    private static IEnumerable<(string Key, string File)> UsedKeys()
    {
        var client = Repository.File("Chat.Client");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(client, "Components"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in RazorKey().Matches(text)) yield return (match.Groups["key"].Value, Path.GetFileName(file));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(client, "scripts"), "*.js"))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in TextCall().Matches(text))
                foreach (Match literal in Literal().Matches(call.Groups["args"].Value))
                    if (literal.Groups["value"].Value.Contains('.')) yield return (literal.Groups["value"].Value, Path.GetFileName(file));
            foreach (Match say in SayCall().Matches(text))
                foreach (Match literal in Literal().Matches(say.Groups["args"].Value))
                    yield return ($"transcript.{literal.Groups["value"].Value}", Path.GetFileName(file));
        }
    }

    private static IEnumerable<string> Slots(JsonElement value) => value.ValueKind == JsonValueKind.Object
        ? value.EnumerateObject().SelectMany(p => Slots(p.Value)).Distinct()
        : Slot().Matches(value.GetString()!).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Slot();

    [GeneratedRegex(@"(?:\bOf=""|\btexts?\[""|Texts\.Default\[""|data-t(?:-[a-z-]+)?=""|\.(?:Format|Plural)\("")(?<key>[a-zA-Z][\w.-]*)""")]
    private static partial Regex RazorKey();

    [GeneratedRegex(@"\b(?:t|plural)\((?<args>[^()]*(?:\([^()]*\)[^()]*)*)\)")]
    private static partial Regex TextCall();

    [GeneratedRegex(@"\bsay\(viewer, (?<args>[^(){}]*)")]
    private static partial Regex SayCall();

    [GeneratedRegex(@"'(?<value>[^'$]+)'")]
    private static partial Regex Literal();
}
