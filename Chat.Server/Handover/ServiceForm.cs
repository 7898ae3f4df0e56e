using Microsoft.AspNetCore.Http;

namespace Chat.Server.Handover;

// The coordinator's form as typed, kept as text so that a refused form comes back exactly as it was sent.
// Field names are the HTML names; hours are one row per weekday, Monday first.
public sealed class ServiceForm
{
    public const string Closed = "closed", Open = "open", AroundTheClock = "always";

    public sealed record DayRow(string Mode, string From, string To);

    public string Name { get; init; } = "";
    public string Offers { get; init; } = "";
    public string ForWhom { get; init; } = "";
    public string MinAge { get; init; } = "";
    public string MaxAge { get; init; } = "";
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public bool HoursKnown { get; init; }
    public IReadOnlyList<DayRow> Days { get; init; } = [.. Enumerable.Repeat(new DayRow(Closed, "", ""), 7)];
    public string Receives { get; init; } = "code";
    public string OnlyWhen { get; init; } = "";
    public string Contact { get; init; } = "";

    public static ServiceForm From(PartnerService service) => new()
    {
        Name = service.Name,
        Offers = service.Offers,
        ForWhom = service.ForWhom,
        MinAge = service.MinAge?.ToString() ?? "",
        MaxAge = service.MaxAge?.ToString() ?? "",
        Topics = service.Topics,
        Languages = service.Languages,
        HoursKnown = service.Hours.IsKnown,
        Days = service.Hours.IsKnown ? [.. WeeklyHours.Week.Select(day => Row(service.Hours.On(day)))] : new ServiceForm().Days,
        Receives = Mode(service.Receives),
        OnlyWhen = service.OnlyWhen ?? "",
        Contact = service.Contact,
    };

    public static ServiceForm Read(IFormCollection form) => new()
    {
        Name = form["name"].ToString(),
        Offers = form["offers"].ToString(),
        ForWhom = form["forWhom"].ToString(),
        MinAge = form["minAge"].ToString().Trim(),
        MaxAge = form["maxAge"].ToString().Trim(),
        Topics = [.. form["topics"].OfType<string>()],
        Languages = [.. form["languages"].OfType<string>()],
        HoursKnown = form["hoursKnown"] == "yes",
        Days = [.. Enumerable.Range(0, 7).Select(i => new DayRow(form[$"day{i}"].ToString(), form[$"from{i}"].ToString(), form[$"to{i}"].ToString()))],
        Receives = form["receives"].ToString(),
        OnlyWhen = form["onlyWhen"].ToString(),
        Contact = form["contact"].ToString(),
    };

    // The service this form describes, with every problem beside the field it concerns (none: ready to store).
    public (PartnerService Service, IReadOnlyList<ServiceProblem> Problems) ToService(string id)
    {
        var problems = new List<ServiceProblem>();
        int? Age(string text, string field)
        {
            if (text.Length == 0) return null;
            if (int.TryParse(text, out var age)) return age;
            problems.Add(new(field, "invalid-age"));
            return null;
        }
        var minAge = Age(MinAge, "minAge");
        var maxAge = Age(MaxAge, "maxAge");
        // With hours marked unknown the rows are left as they are and not checked.
        var days = Days.Select((row, i) =>
        {
            var (hours, ok) = Day(row);
            if (!ok && HoursKnown) problems.Add(new($"day{i}", "invalid-hours"));
            return hours;
        }).ToList();
        var receives = Receives switch { "live" => HandoverMode.Live, "code" => HandoverMode.ByCode, "none" => HandoverMode.None, _ => (HandoverMode)(-1) };
        var hours = HoursKnown && problems.All(p => !p.Field.StartsWith("day")) ? WeeklyHours.Of(days) : WeeklyHours.Unknown;

        var (service, rules) = ServiceRules.Check(new PartnerService(
            id, Name, Offers, ForWhom, minAge, maxAge, Topics, Languages, hours, Contact, receives, OnlyWhen));
        // A refused number already has its problem; the rules saw no age there.
        problems.AddRange(rules.Where(rule => !problems.Any(p => p.Field == rule.Field)));
        return (service, [.. problems.OrderBy(p => FieldOrder.IndexOf(p.Field))]);
    }

    // The order the fields appear on the page, so the summary above the form reads top to bottom.
    private static readonly List<string> FieldOrder =
        ["name", "id", "forWhom", "offers", "minAge", "maxAge", "topics", "languages", .. Enumerable.Range(0, 7).Select(i => $"day{i}"), "receives", "onlyWhen", "contact"];

    private static (DayHours? Hours, bool Ok) Day(DayRow row) => row.Mode switch
    {
        Closed => (null, true),
        AroundTheClock => (DayHours.AroundTheClock, true),
        Open when WeeklyHours.Minutes(row.From) is { } from && WeeklyHours.Minutes(row.To, endOfDay: true) is { } to
            && new DayHours(from, to) is { IsValid: true } open => (open, true),
        _ => (null, false),
    };

    private static DayRow Row(DayHours? day) => day switch
    {
        null => new(Closed, "", ""),
        { IsAroundTheClock: true } => new(AroundTheClock, "", ""),
        _ => new(Open, WeeklyHours.Clock(day.From), day.To == DayHours.EndOfDay ? "00:00" : WeeklyHours.Clock(day.To)),
    };

    public static string Mode(HandoverMode mode) => mode switch
    {
        HandoverMode.Live => "live",
        HandoverMode.None => "none",
        _ => "code",
    };
}
