using StackExchange.Redis;

namespace Chat.Server.Storage;

// Every key the service writes is named here; docs/privacy.md lists each with its purpose and lifetime.
// Keys of one conversation share the hash tag {id}, so they sit in one cluster slot.
public sealed class RedisKeys(string prefix)
{
    public string Prefix => prefix;

    public RedisKey Conversation(string id) => $"{prefix}conv:{{{id}}}";
    public RedisKey Transcript(string id) => $"{prefix}conv:{{{id}}}:log";
    public RedisKey ClientMessageIds(string id) => $"{prefix}conv:{{{id}}}:cmid";
    public RedisKey Token(string tokenHash) => $"{prefix}token:{tokenHash}";

    public RedisKey Queue => $"{prefix}queue";
    public RedisKey QueueTicket => $"{prefix}queue:ticket";
    public RedisKey QueueAway => $"{prefix}queue:away";
    public RedisKey HandlingTime => $"{prefix}queue:handling";

    public RedisKey Duty => $"{prefix}duty";
    // A partner service's own desk: its members on duty, and the live handovers waiting for them.
    public RedisKey ServiceDuty(string service) => $"{prefix}desk:{service}:duty";
    public RedisKey ServiceQueue(string service) => $"{prefix}desk:{service}:queue";
    public RedisKey CounsellorChats(string userName) => $"{prefix}chats:{userName}";
    // Since when each staff member on duty has been on duty (Staff/DutyRoster), and the duty periods of one
    // local day, for staffing statistics (Opening/ShiftLog).
    public RedisKey DutySince => $"{prefix}duty:since";
    public RedisKey Shifts(DateOnly day) => $"{prefix}shifts:{day:yyyy-MM-dd}";
    // The chat's own opening hours (Opening/OpeningStore); absent while coordinators have set none.
    public RedisKey OpeningHours => $"{prefix}opening-hours";
    // The coordinators' quick replies for counsellors (QuickReplies/QuickReplyStore); absent while there are none.
    public RedisKey QuickReplies => $"{prefix}quick-replies";

    public RedisKey StaffAccount(string userName) => $"{prefix}staff:{userName}";
    public RedisKey StaffIndex => $"{prefix}staff";
    // A staff sign-in (Staff/StaffSessions), the sessions of one user, and failed sign-ins per SHA-256 of a user name.
    public RedisKey Session(string id) => $"{prefix}session:{id}";
    public RedisKey SessionsOf(string userName) => $"{prefix}sessions:{userName}";
    public RedisKey SignInFailures(string userNameHash) => $"{prefix}signin-failures:{userNameHash}";
    // Who did what among staff and content, one list per day (Staff/AuditLog).
    public RedisKey Audit(DateOnly day) => $"{prefix}audit:{day:yyyy-MM-dd}";

    public RedisKey Services => $"{prefix}services";

    public RedisKey Stats(DateOnly day) => $"{prefix}stats:{day:yyyy-MM-dd}";

    // Pickup codes (Handover/PickupCodes): the code's hash by its selector, and fixed-window attempt counters,
    // numbered by window since the Unix epoch; a caller appears only as a SHA-256.
    public RedisKey Code(string selector) => $"{prefix}code:{selector}";
    public RedisKey CodeFailures(long minute) => $"{prefix}code-failures:{minute}";
    public RedisKey CodeCallerFailures(string callerHash, long window) => $"{prefix}code-failures:{callerHash}:{window}";

    // Flood limits and blocks (Privacy/FloodGate): fixed-window counters numbered by window since 1970, per client
    // key (a keyed hash of the address, never the address), and a counsellor's block of a client.
    public RedisKey StartCount(string clientHash, long window) => $"{prefix}flood:start:{clientHash}:{window}";
    public RedisKey SendCount(string clientHash, long window) => $"{prefix}flood:send:{clientHash}:{window}";
    public RedisKey Block(string clientHash) => $"{prefix}block:{clientHash}";

    // Help pages: each language of a page has its current state and its version history.
    public RedisKey Page(string language, string slug) => $"{prefix}page:{language}:{slug}";
    public RedisKey PageHistory(string language, string slug) => $"{prefix}page:{language}:{slug}:history";
    public RedisKey Pages => $"{prefix}pages";

    public RedisKey QueueVersion => $"{prefix}queue:version";
    public RedisKey DataProtectionKeys => $"{prefix}dataprotection:keys";

    // Pub/sub channels, always literal: no name can ever act as a pattern. Fanout carries hub events between
    // nodes; ContentChanged tells every node which help page to drop from its memory.
    public RedisChannel ContentChanged => new($"{prefix}content-changed", RedisChannel.PatternMode.Literal);

    public RedisChannel Fanout => new($"{prefix}fanout", RedisChannel.PatternMode.Literal);

    // The ids of staff sessions that just ended, so every node closes their staff hub connections.
    public RedisChannel SessionsEnded => new($"{prefix}sessions-ended", RedisChannel.PatternMode.Literal);
}
