using System.Text.Json;
using Chat.Server.Conversations;
using Chat.Server.Staff;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Server.Handover;

// What the young person is asked: exactly this service and this summary (docs/protocol.md, "HandoverOffer").
// AgeBand: the age band the counsellor judged it by (the young person's own choice, or what they said in the chat).
public sealed record HandoverOffer(string Id, string Service, string ServiceName, string Summary, string Mode, string AgeBand = "");

// What the young person keeps after accepting a handover by code.
public sealed record PickupInfo(string Code, string ServiceName, string Contact, long ExpiresAt, bool ServiceMayOpen);

// A live handover waiting at a service's desk, as its members see it.
public sealed record WaitingHandover(string ConversationId, string Summary, string? Topic, string? AgeBand, string? Language, long WaitingSince, bool Danger);

public sealed record OpenedCode(string ServiceName, string Summary, string? Topic, string? AgeBand, long IssuedAt);

// The warm handover to a named partner service: propose, the young person's answer, a member joining,
// the counsellor leaving; and handover by code when the service cannot join live.
public sealed class HandoverDesk(
    RedisConnection redis, ServiceDirectory directory, IOptions<DirectoryOptions> directoryOptions, PickupCodes codes, Counters counters,
    Relay relay, DutyRoster duty, TimeProvider clock)
{
    public const int MaxSummaryLength = 600;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisKeys Keys => redis.Keys;
    private TimeZoneInfo Zone => directoryOptions.Value.Zone();
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<bool> AnyoneOnDuty(string service) => await redis.Database.HashLengthAsync(Keys.ServiceDuty(service)) > 0;

    // Every service in the directory with whether it can take this conversation now, and if not, why.
    public async Task<IReadOnlyList<Verdict>> Assess(ConversationRecord conversation, string ageBand)
    {
        var services = await directory.All();
        var onDuty = new Dictionary<string, bool>();
        foreach (var service in services) onDuty[service.Id] = await AnyoneOnDuty(service.Id);
        return Eligibility.For(services, ageBand, conversation.Topic, clock.GetUtcNow(), Zone, id => onDuty.GetValueOrDefault(id));
    }

    public async Task<(HandoverOffer Offer, string YouthConnection)> Propose(
        ConversationRecord conversation, string counsellor, string? serviceId, string? ageBand, string? summary)
    {
        var band = Vocabulary.AgeBand(ageBand) is { Length: > 0 } stated ? stated : conversation.AgeBand;
        var text = Summary(summary);
        var service = await directory.Find(serviceId ?? "") ?? throw new ChatError("unknown-service", "There is no such service in the directory.");
        var verdict = Eligibility.Assess(service, band, conversation.Topic, clock.GetUtcNow(), Zone, await AnyoneOnDuty(service.Id));
        var mode = verdict.Availability switch
        {
            Availability.Live => "live",
            Availability.ByCode => "code",
            _ => throw new ChatError("not-eligible", VerdictWords.Swedish(verdict) ?? "Not eligible."),
        };
        var offer = new HandoverOffer(TextRules.NewConversationId(), service.Id, service.Name, text, mode, band);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Propose,
            [Keys.Conversation(conversation.Id)], [counsellor, JsonSerializer.Serialize(offer, Json), offer.Id, service.Id, mode]))!;
        var status = (string)result[0]!;
        return status == "ok" ? (offer, (string)result[1]!) : throw ConversationStore.Refusal(status);
    }

    public static HandoverOffer? PendingOffer(ConversationRecord conversation) =>
        conversation.Offer.Length == 0 ? null : JsonSerializer.Deserialize<HandoverOffer>(conversation.Offer, Json);

    public sealed record Answered(bool Accepted, HandoverOffer Offer, string Counsellor, ChatMessage? Entry, PickupInfo? Pickup);

    public async Task<Answered> Answer(ConversationRecord conversation, string youthConnection, string? offerId, bool accept, bool shareHistory, bool serviceMayOpen)
    {
        var offer = PendingOffer(conversation) ?? throw Refusal("no-offer");
        var service = await directory.Find(offer.Service);
        var entry = ChatMessage.Event("handover", "counsellor", conversation.CounsellorName, Now, offer.Summary, offer.ServiceName);
        var score = conversation.Danger ? Now - 100_000_000_000_000 : Now;
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Answer,
            [Keys.Conversation(conversation.Id), Keys.Transcript(conversation.Id), Keys.ServiceQueue(offer.Service)],
            [youthConnection, offerId ?? "", accept ? "1" : "0", shareHistory ? "1" : "0", entry.ToStored(), score, offer.Summary, conversation.Id, offer.ServiceName]))!;
        var status = (string)result[0]!;
        var counted = $"{offer.Service}:{Or(conversation.Topic)}:{Or(offer.AgeBand)}";
        if (status == "declined")
        {
            await counters.Count($"handover-declined:{counted}");
            return new Answered(false, offer, (string)result[1]!, null, null);
        }
        if (status != "accepted") throw Refusal(status);
        var counsellor = (string)result[2]!;
        await counters.Count($"handover-{offer.Mode}:{counted}");
        if (offer.Mode == "live") return new Answered(true, offer, counsellor, entry with { Seq = (long)result[1] }, null);

        var issued = await codes.Issue("handover", new Dictionary<string, string>
        {
            ["service"] = offer.Service, ["summary"] = offer.Summary, ["topic"] = conversation.Topic, ["ageBand"] = offer.AgeBand,
            ["serviceMayOpen"] = serviceMayOpen ? "1" : "0",
        });
        var pickup = new PickupInfo(issued.Code, offer.ServiceName, service?.Contact ?? "", issued.ExpiresAt.ToUnixTimeMilliseconds(), serviceMayOpen);
        await redis.Database.HashSetAsync(Keys.Conversation(conversation.Id), "pickup", JsonSerializer.Serialize(pickup, Json));
        return new Answered(true, offer, counsellor, entry with { Seq = (long)result[1] }, pickup);
    }

    public static PickupInfo? Pickup(ConversationRecord conversation) =>
        conversation.PickupCode.Length == 0 ? null : JsonSerializer.Deserialize<PickupInfo>(conversation.PickupCode, Json);

    public async Task<IReadOnlyList<WaitingHandover>> Waiting(string service)
    {
        var ids = await redis.Database.SortedSetRangeByRankAsync(Keys.ServiceQueue(service));
        var waiting = new List<WaitingHandover>();
        foreach (var id in ids)
        {
            var f = await redis.Database.HashGetAsync(Keys.Conversation(id!), ["handoverSummary", "topic", "ageBand", "language", "danger", "state"]);
            if (f[5] != "active" && f[5] != "waiting")
            {
                await redis.Database.SortedSetRemoveAsync(Keys.ServiceQueue(service), id);
                continue;
            }
            var since = (long)(await redis.Database.SortedSetScoreAsync(Keys.ServiceQueue(service), id) ?? 0);
            waiting.Add(new WaitingHandover(id!, (string?)f[0] ?? "", Blank(f[1]), Blank(f[2]), Blank(f[3]), since < 0 ? since + 100_000_000_000_000 : since, f[4] == "1"));
        }
        return waiting;
    }

    // Tells the service's members on duty what waits at their desk.
    public async Task Broadcast(string service) =>
        await relay.ToStaff(await duty.OnDuty(service), nameof(IStaffClient.HandoverQueueChanged), new HandoverQueueEvent(service, await Waiting(service)));

    public sealed record Joined(ChatMessage Entry, string YouthConnection, string Counsellor);

    public async Task<Joined> Take(string conversationId, string member, string displayName, string service)
    {
        var serviceName = (await directory.Find(service))?.Name ?? service;
        var entry = ChatMessage.Event("joined", "counsellor", displayName, Now, null, serviceName);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Take,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.ServiceQueue(service), Keys.ServiceDuty(service), Keys.CounsellorChats(member)],
            [conversationId, member, displayName, service, serviceName, entry.ToStored(), Keys.Prefix, Now]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Joined(entry with { Seq = (long)result[1] }, (string)result[2]!, (string)result[3]!) : throw Refusal(status);
    }

    public sealed record Left(ChatMessage Entry, string YouthConnection, string Holder);

    public async Task<Left> Leave(string conversationId, string counsellor, string displayName)
    {
        var entry = ChatMessage.Event("left", "counsellor", displayName, Now);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Leave,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.CounsellorChats(counsellor)],
            [conversationId, counsellor, entry.ToStored(), Now]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Left(entry with { Seq = (long)result[1] }, (string)result[2]!, (string)result[3]!) : throw Refusal(status);
    }

    // A member of the service opens a handover code the young person gave them (only if the young person agreed).
    public async Task<OpenedCode> Open(string? code, string member, string service)
    {
        var fields = await codes.Peek(code, "handover", member) ?? throw Refusal("code-used");
        if (fields.GetValueOrDefault("service") != service) throw Refusal("not-your-service");
        if (fields.GetValueOrDefault("serviceMayOpen") != "1") throw Refusal("not-shared");
        var pickup = await codes.Redeem(code, "handover", member);
        var serviceName = (await directory.Find(service))?.Name ?? service;
        var f = pickup.Fields;
        await counters.Count($"pickup:{service}:{Or(f.GetValueOrDefault("topic", ""))}:{Or(f.GetValueOrDefault("ageBand", ""))}");
        return new OpenedCode(serviceName, f.GetValueOrDefault("summary", ""), Blank(f.GetValueOrDefault("topic")), Blank(f.GetValueOrDefault("ageBand")),
            long.TryParse(f.GetValueOrDefault("issued"), out var issued) ? issued : 0);
    }

    // A young person brings a handover code back to the chat. If the service can take it live now, the code is
    // used and the chat starts at the service's desk; otherwise the code stays as it is, for them to use later.
    public async Task<ConversationStore.AtDesk> Arrive(IReadOnlyDictionary<string, string> fields, string? code, string youthConnection)
    {
        var service = await directory.Find(fields.GetValueOrDefault("service", "")) ?? throw Refusal("service-unavailable");
        var verdict = Eligibility.Assess(service, fields.GetValueOrDefault("ageBand", ""), fields.GetValueOrDefault("topic", ""),
            clock.GetUtcNow(), Zone, await AnyoneOnDuty(service.Id));
        if (verdict.Availability != Availability.Live) throw Refusal("service-unavailable");
        var pickup = await codes.Redeem(code, "handover", youthConnection);
        var f = pickup.Fields;
        await counters.Count($"pickup:{service.Id}:{Or(f.GetValueOrDefault("topic", ""))}:{Or(f.GetValueOrDefault("ageBand", ""))}");
        return new ConversationStore.AtDesk(service.Id, service.Name, f.GetValueOrDefault("summary", ""));
    }

    public static string Summary(string? value)
    {
        var text = TextRules.Message(value);
        return text.Length <= MaxSummaryLength ? text
            : throw new ChatError("summary-too-long", $"A summary can be at most {MaxSummaryLength} characters.");
    }

    private static string Or(string code) => code.Length == 0 ? "unknown" : code;
    private static string? Blank(RedisValue value) => value.IsNullOrEmpty ? null : (string?)value;
    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static ChatError Refusal(string code) => code switch
    {
        "no-offer" => new(code, "There is no handover proposal to answer."),
        "offer-changed" => new(code, "The proposal changed before you answered: read the new one."),
        "no-handover" => new(code, "No handover waits in that conversation."),
        "not-your-service" => new(code, "That handover is for another service."),
        "no-guest" => new(code, "Leave once someone from the service has joined."),
        "service-unavailable" => new(code, "That service cannot join the chat right now. Contact it directly with the code; the code still works."),
        "not-shared" => new(code, "The young person chose to bring this code themselves; it cannot be opened by the service."),
        _ => Queue.WaitingRoom.Refusal(code),
    };
}
