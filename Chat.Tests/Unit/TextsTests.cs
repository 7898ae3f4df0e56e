using System.Text.Json;
using System.Text.RegularExpressions;
using Chat.Client.Texts;
using Chat.Server.Conversations;
using Chat.Server.Privacy;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Unit;

// The language files (Chat.Client/wwwroot/texts) are complete: every key in every language with the same {slots},
// and every key the pages and modules ask for is there.
public sealed partial class TextsTests
{
    private static readonly string Folder = Repository.File("Chat.Client/wwwroot/texts");

    private static readonly string StaffFolder = Repository.File("Chat.Client/Texts/Staff");

    private static Dictionary<string, JsonElement> Read(string code) => ReadFile(Path.Combine(Folder, $"{code}.json"));

    private static Dictionary<string, JsonElement> ReadFile(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))!;

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

    // The forms are the ones the browser's Intl.PluralRules picks from for that language (Arabic has six), so
    // texts.js never falls back to "other" where the language says otherwise.
    [Theory]
    [MemberData(nameof(Languages))]
    [InlineData("sv")]
    public async Task PluralTextsHaveExactlyTheFormsTheLanguageUses(string code)
    {
        var categories = await PluralCategories(code);
        Assert.Contains("other", categories);
        if (code == "ar") Assert.Equal(6, categories.Count);
        foreach (var (key, value) in Read(code).Where(p => p.Value.ValueKind == JsonValueKind.Object))
            Assert.True(categories.Order().SequenceEqual(value.EnumerateObject().Select(p => p.Name).Order()),
                $"{code}.json \"{key}\" has the forms [{string.Join(", ", value.EnumerateObject().Select(p => p.Name))}]; {code} uses [{string.Join(", ", categories)}]");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    [InlineData("sv")]
    public void EveryLanguageNamesItselfAndSaysWhichWayItIsWritten(string code)
    {
        var texts = Read(code);
        Assert.False(string.IsNullOrWhiteSpace(texts["language.name"].GetString()));
        Assert.Contains(texts["language.dir"].GetString(), new[] { "ltr", "rtl" });
        if (code is "sv" or "en" or "ar") Assert.Equal(code == "ar" ? "rtl" : "ltr", texts["language.dir"].GetString());
        // Each language's help links lead to its own pages.
        foreach (var (key, value) in texts.Where(p => p.Key.StartsWith("links.", StringComparison.Ordinal)))
            Assert.Matches($"^/{code}(/[a-z0-9-]+)?$", value.GetString());
    }

    // The staff pages' files: every key in Swedish and English with the same slots, each key in one area only and
    // none that the young person's files already have.
    [Fact]
    public void TheStaffTextsAreCompleteInSwedishAndEnglish()
    {
        var areas = Directory.GetDirectories(StaffFolder);
        Assert.NotEmpty(areas);
        var young = Read("sv").Keys.ToHashSet();
        var seen = new Dictionary<string, string>();
        foreach (var area in areas)
        {
            var swedish = ReadFile(Path.Combine(area, "sv.json"));
            var english = ReadFile(Path.Combine(area, "en.json"));
            Assert.Equal(swedish.Keys.Order(), english.Keys.Order());
            foreach (var (key, value) in swedish)
            {
                Assert.True(seen.TryAdd(key, area), $"{key} is in {area} and {seen.GetValueOrDefault(key)}");
                Assert.DoesNotContain(key, young);
                Assert.True(Slots(value).Order().SequenceEqual(Slots(english[key]).Order()), $"{area}/en.json \"{key}\" has other slots than sv.json");
            }
        }
        Assert.Equal(seen.Keys.Order(), TextCatalog.StaffFiles["sv"].Keys.Order());
    }

    [Fact]
    public void EveryKeyThePagesAndModulesUseIsInTheDefaultLanguage()
    {
        var swedish = Read("sv");
        foreach (var (key, value) in TextCatalog.StaffFiles["sv"]) swedish[key] = value;
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

    // The staff's keys built from codes (the console's modules and the auth pages' ?error=), and the console's
    // transcript with a word for every word the young person's has.
    [Fact]
    public void TheStaffKeysBuiltFromCodesAreThereForEveryCode()
    {
        var staff = TextCatalog.StaffFiles["sv"];
        string[] built =
        [
            .. new[] { "live", "bycode", "askage", "excluded" }.Select(availability => $"console.handover.{availability}"),
            .. Vocabulary.Outcomes.Select(code => $"vocab.outcome.{code}"),
            .. PasswordRules.Codes.Concat(["password-mismatch", "password-unchanged", "invalid", "setup-closed", "invalid-code", "locked",
                "disabled", "session-ended", "wrong-password", "invalid-user-name"]).Select(code => $"auth.error.{code}"),
            .. Read("sv").Keys.Where(key => key.StartsWith("transcript.", StringComparison.Ordinal)).Select(key => $"console.{key}"),
        ];
        var missing = built.Where(key => !staff.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "missing from the staff texts: " + string.Join(", ", missing));
    }

    // Every error the young person's hub can answer (docs/protocol.md, its table) has words, and so do the errors
    // the page itself names: a missing one would fall back to "something went wrong".
    [Fact]
    public void EveryErrorAYoungPersonCanMeetHasItsWords()
    {
        var swedish = Read("sv");
        var protocol = File.ReadAllText(Repository.File("docs/protocol.md"));
        var youthHub = protocol[protocol.IndexOf("## Youth hub", StringComparison.Ordinal)..protocol.IndexOf("## Staff hub", StringComparison.Ordinal)];
        var table = youthHub.Split('\n').SkipWhile(line => !line.StartsWith("| method | arguments | value | errors |", StringComparison.Ordinal))
            .Skip(2).TakeWhile(line => line.StartsWith('|')).Select(line => line.Split('|')[^2]);
        var codes = table.SelectMany(cell => ErrorCode().Matches(cell).Select(m => m.Groups[1].Value)).ToHashSet();
        string[] more = ["empty-message", "message-too-long", "invalid-characters", "server-error", "unavailable", "connection-lost", "place-released", "fallback"];
        Assert.Contains("chat-closed", codes);
        var missing = codes.Concat(more).Where(code => !swedish.ContainsKey($"errors.{code}")).Distinct().ToList();
        Assert.True(missing.Count == 0, "no words for: " + string.Join(", ", missing));
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
        Assert.True(Words.In("ar").RightToLeft);
    }

    // Keys named in the Razor components and C# of both projects (every "prefix.rest" literal whose prefix is one
    // the files use, so keys chosen by a condition count too), and in the browser modules: every literal in a
    // t(…) / plural(…) call, and say(viewer, '…') for the transcript.
    private static IEnumerable<(string Key, string File)> UsedKeys()
    {
        var prefixes = Read("sv").Keys.Concat(TextCatalog.StaffFiles["sv"].Keys).Select(key => key[..key.IndexOf('.')]).ToHashSet();
        var client = Repository.File("Chat.Client");
        foreach (var file in new[] { Path.Combine(client, "Components"), Path.Combine(client, "Texts"), Repository.File("Chat.Server") }
                     .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
                     .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                         && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            if (!UsesTexts().IsMatch(text)) continue; // a cookie's or a log's dotted name is no text
            foreach (Match match in CodeKey().Matches(text))
                // A module's file name ("staff.js") is no text, whatever its prefix.
                if (prefixes.Contains(match.Groups["prefix"].Value) && !match.Groups["key"].Value.EndsWith(".js", StringComparison.Ordinal))
                    yield return (match.Groups["key"].Value, Path.GetFileName(file));
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

    [GeneratedRegex(@"""(?<key>(?<prefix>[a-z][a-zA-Z]*)\.[a-zA-Z][\w.-]*)""")]
    private static partial Regex CodeKey();

    [GeneratedRegex(@"<Text |\b(?:Texts|texts|words|Words|View\.Words)\b[.\[]|\b[a-z]\[""")]
    private static partial Regex UsesTexts();

    [GeneratedRegex(@"`([a-z]+(?:-[a-z]+)*)`")]
    private static partial Regex ErrorCode();

    [GeneratedRegex(@"\b(?:t|plural)\((?<args>[^()]*(?:\([^()]*\)[^()]*)*)\)")]
    private static partial Regex TextCall();

    [GeneratedRegex(@"\bsay\(viewer, (?<args>[^(){}]*)")]
    private static partial Regex SayCall();

    [GeneratedRegex(@"(?<q>['""])(?<value>[^'""$]+)\k<q>")]
    private static partial Regex Literal();

    private static Task<List<string>> PluralCategories(string code) => Node.Json<List<string>>(
        "-e", $"process.stdout.write(JSON.stringify(new Intl.PluralRules('{code}').resolvedOptions().pluralCategories))");
}
