using System.Text;
using Chat.Server.Conversations;

namespace Chat.Server.Handover;

// A field of the coordinator's form and what is wrong with it (a stable code, see DirectoryErrors for the words).
public sealed record ServiceProblem(string Field, string Code);

// What a directory entry must be before it is stored. Pure: the form shows every problem beside its
// field; ServiceDirectory refuses the first one as a ChatError.
public static class ServiceRules
{
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 80;
    public const int MaxTextLength = 1000;
    public const int MaxContactLength = 500;
    public const int MaxAge = 99;

    // The service as it will be stored (texts trimmed, codes in vocabulary order) and everything wrong with it.
    public static (PartnerService Service, IReadOnlyList<ServiceProblem> Problems) Check(PartnerService service)
    {
        var problems = new List<ServiceProblem>();
        void Problem(string field, string code) => problems.Add(new(field, code));

        if (!IsId(service.Id)) Problem("id", "invalid-service-id");
        var name = (service.Name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength || !TextRules.IsPrintable(name) || name.Any(c => c is '\n' or '\t'))
            Problem("name", "invalid-service-name");
        var offers = Text(service.Offers, MaxTextLength, "offers", "invalid-offers", Problem);
        var forWhom = Text(service.ForWhom, MaxTextLength, "forWhom", "invalid-for-whom", Problem);
        var contact = Text(service.Contact, MaxContactLength, "contact", "invalid-contact", Problem);
        var onlyWhen = Text(service.OnlyWhen, MaxTextLength, "onlyWhen", "invalid-condition", Problem);
        if (service.MinAge is < 0 or > MaxAge) Problem("minAge", "invalid-age");
        if (service.MaxAge is < 0 or > MaxAge) Problem("maxAge", "invalid-age");
        if (service.MinAge > service.MaxAge) Problem("maxAge", "invalid-age-range");
        if ((service.Topics ?? []).Any(code => !Vocabulary.Topics.Contains(code))) Problem("topics", "invalid-topic");
        if ((service.Languages ?? []).Any(code => !Vocabulary.Languages.Contains(code))) Problem("languages", "invalid-language");
        if (service.Hours is null) Problem("hours", "invalid-hours");
        if (!Enum.IsDefined(service.Receives)) Problem("receives", "invalid-receives");

        var stored = service with
        {
            Name = name,
            Offers = offers,
            ForWhom = forWhom,
            Contact = contact,
            OnlyWhen = onlyWhen.Length == 0 ? null : onlyWhen,
            Topics = Vocabulary.Topics.Where(code => service.Topics?.Contains(code) == true).ToList(),
            Languages = Vocabulary.Languages.Where(code => service.Languages?.Contains(code) == true).ToList(),
            Hours = service.Hours ?? WeeklyHours.Unknown,
        };
        return (stored, problems);
    }

    // The stored form of a valid service; otherwise the first problem as a refusal.
    public static PartnerService Valid(PartnerService service)
    {
        var (stored, problems) = Check(service);
        return problems.Count == 0 ? stored : throw Refusal(problems[0].Code);
    }

    // Lowercase a-z, digits and single inner hyphens; "new" is the address of the new-service page.
    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } and not "new" && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !id.StartsWith('-') && !id.EndsWith('-') && !id.Contains("--");

    // A new service's id from its name: "Stödcentrum" → "stodcentrum", "Män — samtalsmottagning" → "man-samtalsmottagning".
    public static string Slug(string? name)
    {
        var plain = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) plain.Append(c);
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && plain.Length > 0 && plain[^1] != '-') plain.Append('-');
        }
        var slug = plain.ToString().Trim('-');
        slug = slug.Length <= MaxIdLength ? slug : slug[..MaxIdLength].TrimEnd('-');
        return slug == "new" ? "new-1" : slug;
    }

    public static ChatError Refusal(string code) => new(code, code switch
    {
        "invalid-service-id" => $"A service id is 1-{MaxIdLength} characters of a-z, 0-9 and single hyphens.",
        "invalid-service-name" => $"A service name is 1-{MaxNameLength} printable characters on one line.",
        "invalid-offers" or "invalid-for-whom" or "invalid-condition" => $"A text can be at most {MaxTextLength} printable characters.",
        "invalid-contact" => $"Contact details can be at most {MaxContactLength} printable characters.",
        "invalid-age" => $"An age limit is a whole number from 0 to {MaxAge}.",
        "invalid-age-range" => "The lowest age cannot be above the highest.",
        "invalid-topic" => $"Unknown topic. Allowed: {string.Join(", ", Vocabulary.Topics)}.",
        "invalid-language" => $"Unknown language. Allowed: {string.Join(", ", Vocabulary.Languages)}.",
        "invalid-hours" => "Opening hours need seven days, each closed or open from a time to a later one.",
        "invalid-receives" => "A service receives handovers live, by code, or not at all.",
        "service-exists" => "A service with this id already exists.",
        "unknown-service" => "There is no such service in the directory.",
        _ => "The service cannot be saved.",
    });

    private static string Text(string? value, int max, string field, string code, Action<string, string> problem)
    {
        var text = (value ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        if (text.Length > max || !TextRules.IsPrintable(text)) problem(field, code);
        return text;
    }
}
