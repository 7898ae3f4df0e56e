using System.Globalization;
using System.Text;
using Chat.Client.Texts;
using Chat.Server.Handover;

namespace Chat.Server.Content;

// The page "where else you can turn", generated from the service directory: 112 first, then every service by
// name. Built as Markdown for the one PageRenderer pipeline, with everything coordinators typed escaped, so a
// name or contact detail is always text and can never become a link, a heading or markup.
public static class WhereElse
{
    public const string EmergencyId = "112";

    // Each language's file says where the page is (links.whereElse, "/sv/vart-kan-jag-vanda-mig"): its last part.
    public static string SlugFor(Language words) => SlugOf(words["links.whereElse"]);

    // The page's address in every language that has a file: no coordinator's page can take one of them.
    public static IReadOnlySet<string> AllSlugs { get; } =
        TextCatalog.Files.Values.Select(texts => SlugOf(texts["links.whereElse"].GetString()!)).ToHashSet();

    private static string SlugOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Markdown(IReadOnlyList<PartnerService> services, Language words)
    {
        var text = new StringBuilder()
            .Append("# ").Append(words["whereElse.title"]).Append("\n\n")
            .Append(words["whereElse.intro"]).Append("\n\n");
        if (!services.Any(s => s.Id == EmergencyId)) Emergency(text, words);
        foreach (var service in services.OrderBy(s => s.Id == EmergencyId ? 0 : 1)) // stable: by name after 112
        {
            text.Append("## ").Append(Escape(service.Name)).Append("\n\n");
            if (service.Id == EmergencyId) text.Append("**[").Append(words["emergency.call"]).Append("](tel:112)**\n\n");
            if (service.Offers.Length > 0) text.Append(Escape(service.Offers)).Append("\n\n");
            Fact(text, words["whereElse.forWhom"], service.ForWhom);
            Fact(text, words["whereElse.ages"], AgeRange(service.MinAge, service.MaxAge, words));
            Fact(text, words["whereElse.onlyWhen"], service.OnlyWhen);
            Fact(text, words["whereElse.hours"], Hours(service.Hours, words));
            if (service.Contact.Trim().Length > 0)
                text.Append("- **").Append(words["whereElse.contact"]).Append(":** ")
                    .AppendJoin("\\\n  ", service.Contact.Split('\n').Select(Escape).Where(line => line.Length > 0).Select(line => $"{Isolate}{line}{EndIsolate}"))
                    .Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }

    // When coordinators have removed the directory's 112, the page still starts with it.
    private static void Emergency(StringBuilder text, Language words) =>
        text.Append("## 112\n\n**[").Append(words["emergency.call"]).Append("](tel:112)**\n\n");

    // Ages in words, e.g. "10–21 år", "18 and over"; null when there is no limit.
    public static string? AgeRange(int? min, int? max, Language words) => (min ?? 0, max) switch
    {
        (0, null) => null,
        (var from, null) => words.Format("whereElse.agesFrom", ("from", from)),
        (0, { } to) => words.Format("whereElse.agesUpTo", ("to", to)),
        (var from, { } to) => words.Format("whereElse.agesRange", ("from", from), ("to", to)),
    };

    // The value is a bidi isolate (FSI … PDI): Swedish after an Arabic label keeps its full stop where it belongs.
    private static void Fact(StringBuilder text, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        text.Append("- **").Append(label).Append(":** ").Append(Isolate).Append(Escape(value)).Append(EndIsolate).Append('\n');
    }

    public const char Isolate = '\u2068', EndIsolate = '\u2069';

    // "måndag–fredag 09:00–17:00, lördag–söndag stängt": consecutive days with the same hours go together.
    public static string? Hours(WeeklyHours hours, Language words)
    {
        if (!hours.IsKnown) return null;
        var culture = Culture(words.Code);
        var days = WeeklyHours.Week.Select(day => (Day: day, Hours: hours.On(day))).ToList();
        var parts = new List<string>();
        for (var start = 0; start < days.Count;)
        {
            var end = start;
            while (end + 1 < days.Count && days[end + 1].Hours == days[start].Hours) end++;
            var name = culture.DateTimeFormat.GetDayName(days[start].Day);
            if (end > start) name += "–" + culture.DateTimeFormat.GetDayName(days[end].Day);
            var open = days[start].Hours switch
            {
                null => words["whereElse.closed"],
                { IsAroundTheClock: true } => words["whereElse.aroundTheClock"],
                { } day => $"{WeeklyHours.Clock(day.From)}–{WeeklyHours.Clock(day.To)}",
            };
            parts.Add($"{name} {open}");
            start = end + 1;
        }
        return string.Join(", ", parts);
    }

    // Every ASCII punctuation character backslash-escaped (CommonMark allows it for each), line breaks and runs
    // of white space (and control characters) as one space: no list, heading, link, emphasis, entity or code can start from the text.
    public static string Escape(string? value)
    {
        var text = new StringBuilder();
        var space = false;
        foreach (var c in (value ?? "").Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }
            if (space) text.Append(' ');
            space = false;
            if (char.IsAsciiLetterOrDigit(c) || c > '\x7f') text.Append(c);
            else text.Append('\\').Append(c);
        }
        return text.ToString();
    }

    public static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
