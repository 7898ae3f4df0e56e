using StackExchange.Redis;

namespace Chat.Server.Conversations;

// The conversation hash as read from Redis. Fields: state, topic, language, ageBand,
// created, youthConn, token (hash), counsellor, counsellorName, ended, endedBy, rated, wrapped, danger.
public sealed record ConversationRecord(
    string Id, string State, string Topic, string Language, string AgeBand, long Created,
    string YouthConnection, string TokenHash, string Counsellor, string CounsellorName, bool Rated, bool WrappedUp, bool Danger)
{
    public static ConversationRecord? From(string id, HashEntry[] entries)
    {
        if (entries.Length == 0) return null;
        var fields = entries.ToDictionary(e => (string)e.Name!, e => (string?)e.Value ?? "");
        string Field(string name) => fields.GetValueOrDefault(name, "");
        return new ConversationRecord(
            id, Field("state"), Field("topic"), Field("language"), Field("ageBand"),
            long.TryParse(Field("created"), out var created) ? created : 0,
            Field("youthConn"), Field("token"), Field("counsellor"), Field("counsellorName"),
            Field("rated") == "1", Field("wrapped") == "1", Field("danger") == "1");
    }

    public static string? Blank(string value) => value.Length == 0 ? null : value;
}
