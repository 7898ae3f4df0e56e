using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chat.Server.Handover;

// How a service takes a handover from a counsellor here.
[JsonConverter(typeof(JsonStringEnumConverter<HandoverMode>))]
public enum HandoverMode
{
    // Its own staff sign in here and take handovers from their own queue.
    [JsonStringEnumMemberName("live")] Live,
    // The young person gets a pickup code and the service's contact details.
    [JsonStringEnumMemberName("code")] ByCode,
    // Listed in the directory only; never a handover target.
    [JsonStringEnumMemberName("none")] None,
}

// One named service in the directory, as coordinators keep it. Ages are inclusive; null means no limit.
// Empty Topics means any topic; Languages are informational and never exclude. OnlyWhen is a condition
// the system cannot check (Barnahus: an ongoing police investigation), so such a service is never offered.
public sealed record PartnerService(
    string Id,
    string Name,
    string Offers,
    string ForWhom,
    int? MinAge,
    int? MaxAge,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages,
    WeeklyHours Hours,
    string Contact,
    HandoverMode Receives,
    string? OnlyWhen)
{
    // The stored form: one JSON object per service, the same shape as services.seed.json.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    // Lists are shown and ordered by name the Swedish way, ignoring case ("ungarelationer.se" before "Ungdomsjouren").
    public static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    // A field missing from stored JSON reads as empty rather than null.
    public static PartnerService FromJson(string json) =>
        JsonSerializer.Deserialize<PartnerService>(json, Json) is { } service
            ? service with
            {
                Offers = service.Offers ?? "", ForWhom = service.ForWhom ?? "", Contact = service.Contact ?? "",
                Topics = service.Topics ?? [], Languages = service.Languages ?? [], Hours = service.Hours ?? WeeklyHours.Unknown,
            }
            : throw new JsonException("A stored service was null.");
}
