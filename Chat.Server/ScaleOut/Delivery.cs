using System.Text.Json;

namespace Chat.Server.ScaleOut;

// One hub push, addressed so any node can carry it out for the connections it holds.
// Hub: "youth" | "staff". To: "connection" | "user" | "users".
public sealed record Delivery(string Hub, string To, IReadOnlyList<string> Targets, string Method, JsonElement? Payload)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The staff hub group every connection of one member of staff joins (StaffHub.OnConnectedAsync).
    public static string UserGroup(string userName) => $"user:{userName}";

    public static IEnumerable<Delivery> ToYouth(string connectionId, string method, object? payload = null) =>
        connectionId.Length == 0 ? [] : [new("youth", "connection", [connectionId], method, Serialize(payload))];

    public static IEnumerable<Delivery> ToCounsellor(string userName, string method, object payload) =>
        userName.Length == 0 ? [] : [new("staff", "user", [userName], method, Serialize(payload))];

    public static IEnumerable<Delivery> ToCounsellors(IReadOnlyList<string> userNames, string method, object payload) =>
        userNames.Count == 0 ? [] : [new("staff", "users", userNames, method, Serialize(payload))];

    private static JsonElement? Serialize(object? payload) =>
        payload is null ? null : JsonSerializer.SerializeToElement(payload, payload.GetType(), Json);
}
