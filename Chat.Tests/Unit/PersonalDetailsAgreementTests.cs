using System.Text.Json;
using Chat.Server.Privacy;
using Chat.Tests.Support;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

// The browser asks before sending and the hub refuses without that question, so the two detectors must agree on
// every text: otherwise a young person is refused for something the page never asked about (or asked for nothing).
// One corpus (the table, generated identity numbers and phone numbers, and noise) goes through both.
public sealed class PersonalDetailsAgreementTests
{
    [Fact]
    public async Task TheBrowsersDetectorFindsExactlyWhatTheServersFinds()
    {
        var texts = Corpus().ToList();
        var browser = await InNode(texts);

        Assert.Equal(texts.Count, browser.Count);
        var differences = texts.Select((text, i) => (text, server: PersonalDetails.Find(text), browser: browser[i]))
            .Where(c => !c.server.SequenceEqual(c.browser))
            .Select(c => $"{c.text}: server [{string.Join(",", c.server)}], browser [{string.Join(",", c.browser)}]")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.Contains(texts, t => PersonalDetails.Find(t).Count > 0); // the corpus has something to find
    }

    private static IEnumerable<string> Corpus()
    {
        foreach (var (text, _) in PersonalDetailsTests.Corpus) yield return text;
        foreach (var (text, _) in PersonalDetailsTests.IdentityNumbers.Sample(400)) yield return $"nr {text}.";
        var random = new Random(7);
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + random.Next(10))));
        string[] separators = ["", " ", "-", "  ", "(", ")", "+", "/", "."];
        for (var i = 0; i < 400; i++)
        {
            var prefix = random.Next(4) switch { 0 => "0", 1 => "+", 2 => "00", _ => "" };
            var parts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Digits(random.Next(1, 5)));
            yield return "x " + prefix + string.Join(separators[random.Next(separators.Length)], parts) + " y";
        }
        string[] streets = ["Storgatan", "kungsvägen", "Gränden", "Lillgränd", "Allén", "Stortorget", "Ågatan", "ÖSTERVÄGEN", "vägen", "gatan"];
        for (var i = 0; i < 100; i++)
            yield return $"{streets[random.Next(streets.Length)]}{(random.Next(2) == 0 ? " " : "")}{random.Next(200)}{(random.Next(3) == 0 ? "B" : "")}";
    }

    // Runs Chat.Client/scripts/personal-details.js in node over the texts and returns its kinds for each.
    private static async Task<List<string[]>> InNode(List<string> texts)
    {
        var input = Path.Combine(Path.GetTempPath(), $"personal-details-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(texts));
        try
        {
            var module = new Uri(Repository.File("Chat.Client/scripts/personal-details.js")).AbsoluteUri;
            var script = $"import {{ findPersonalDetails }} from '{module}'; import {{ readFileSync }} from 'node:fs';" +
                         $"const texts = JSON.parse(readFileSync(process.argv[1], 'utf8'));" +
                         "process.stdout.write(JSON.stringify(texts.map(findPersonalDetails)));";
            return await Node.Json<List<string[]>>("--input-type=module", "-e", script, input);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
