using System.Globalization;
using System.Text;
using Chat.Server.Handover;

namespace Chat.Server.Content;

// The page "where else you can turn", generated from the service directory: 112 first, then every service by
// name. Built as Markdown for the one PageRenderer pipeline, with everything coordinators typed escaped, so a
// name or contact detail is always text and can never become a link, a heading or markup.
public static class WhereElse
{
    public const string SwedishSlug = "vart-kan-jag-vanda-mig";
    public const string OtherSlug = "where-else-can-i-turn";
    public const string EmergencyId = "112";

    public static string SlugFor(string language) => language == "sv" ? SwedishSlug : OtherSlug;

    public static string Markdown(IReadOnlyList<PartnerService> services, HelpWords words)
    {
        var text = new StringBuilder()
            .Append("# ").Append(words.WhereElseTitle).Append("\n\n")
            .Append(words.WhereElseIntro).Append("\n\n");
        if (!services.Any(s => s.Id == EmergencyId)) Emergency(text, words);
        foreach (var service in services.OrderBy(s => s.Id == EmergencyId ? 0 : 1)) // stable: by name after 112
        {
            text.Append("## ").Append(Escape(service.Name)).Append("\n\n");
            if (service.Id == EmergencyId) text.Append("**[").Append(words.Call112).Append("](tel:112)**\n\n");
            if (service.Offers.Length > 0) text.Append(Escape(service.Offers)).Append("\n\n");
            Fact(text, words.ForWhom, service.ForWhom);
            Fact(text, words.Ages, words.AgeRange(service.MinAge, service.MaxAge));
            Fact(text, words.OnlyWhen, service.OnlyWhen);
            Fact(text, words.Hours, Hours(service.Hours, words));
            if (service.Contact.Trim().Length > 0)
                text.Append("- **").Append(words.Contact).Append(":** ")
                    .AppendJoin("\\\n  ", service.Contact.Split('\n').Select(Escape).Where(line => line.Length > 0).Select(line => $"{Isolate}{line}{EndIsolate}"))
                    .Append('\n');
            text.Append('\n');
        }
        return text.ToString();
    }

    // When coordinators have removed the directory's 112, the page still starts with it.
    private static void Emergency(StringBuilder text, HelpWords words) =>
        text.Append("## 112\n\n**[").Append(words.Call112).Append("](tel:112)**\n\n");

    // The value is a bidi isolate (FSI … PDI): Swedish after an Arabic label keeps its full stop where it belongs.
    private static void Fact(StringBuilder text, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        text.Append("- **").Append(label).Append(":** ").Append(Isolate).Append(Escape(value)).Append(EndIsolate).Append('\n');
    }

    public const char Isolate = '\u2068', EndIsolate = '\u2069';

    // "måndag–fredag 09:00–17:00, lördag–söndag stängt": consecutive days with the same hours go together.
    public static string? Hours(WeeklyHours hours, HelpWords words)
    {
        if (!hours.IsKnown) return null;
        var culture = Culture(words.Language);
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
                null => words.Closed,
                { IsAroundTheClock: true } => words.AroundTheClock,
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
