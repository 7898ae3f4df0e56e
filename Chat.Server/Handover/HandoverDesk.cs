using System.Text.Json;
using Chat.Client.Texts;
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
    RedisConnection redis, ConversationStore store, ServiceDirectory directory, IOptions<DirectoryOptions> directoryOptions, PickupCodes codes,
    Counters counters, Relay relay, DutyRoster duty, TimeProvider clock, TextCatalog texts)
{
    public const int MaxSummaryLength = 600;

    // A chat in danger waits ahead of every other at a desk: its score is its time minus this.
    private const long DangerStep = 100_000_000_000_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RedisKeys Keys => redis.Keys;
    private TimeZoneInfo Zone => directoryOptions.Value.Zone();
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<bool> AnyoneOnDuty(string service) => await redis.Database.HashLengthAsync(Keys.ServiceDuty(service)) > 0;

    // Every service in the directory with whether it can take this conversation now, and if not, why.
    // Who is on duty at each desk is asked in one batch.
    public async Task<IReadOnlyList<Verdict>> Assess(ConversationRecord conversation, string ageBand)
    {
        var services = await directory.All();
        var batch = redis.Database.CreateBatch();
        var lengths = services.Select(service => batch.HashLengthAsync(Keys.ServiceDuty(service.Id))).ToList();
        batch.Execute();
        var onDuty = new Dictionary<string, bool>();
        for (var i = 0; i < services.Count; i++) onDuty[services[i].Id] = await lengths[i] > 0;
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
            _ => throw new ChatError("not-eligible", VerdictWords.Of(texts.Staff, verdict) ?? "Not eligible."),
        };
        var offer = new HandoverOffer(TextRules.NewConversationId(), service.Id, service.Name, text, mode, band);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Propose,
            [Keys.Conversation(conversation.Id)], [counsellor, JsonSerializer.Serialize(offer, Json), offer.Id, service.Id, mode]))!;
        var status = (string)result[0]!;
        return status == "ok" ? (offer, (string)result[1]!) : throw ConversationStore.Refusal(status);
    }

    public static HandoverOffer? PendingOffer(ConversationRecord conversation) =>
        conversation.Offer.Length == 0 ? null : JsonSerializer.Deserialize<HandoverOffer>(conversation.Offer, Json);

    // Gone: the young person said yes to a live handover, but the service could no longer join (nobody on duty,
    // or it closed meanwhile); the proposal is withdrawn so the counsellor can propose again.
    public sealed record Answered(bool Accepted, HandoverOffer Offer, string Counsellor, ChatMessage? Entry, PickupInfo? Pickup, bool Gone = false);

    public async Task<Answered> Answer(ConversationRecord conversation, string youthConnection, string? offerId, bool accept, bool shareHistory, bool serviceMayOpen)
    {
        var offer = PendingOffer(conversation) ?? throw Refusal("no-offer");
        var service = await directory.Find(offer.Service);
        var gone = accept && offer.Mode == "live" && (service is null ||
            Eligibility.Assess(service, offer.AgeBand, conversation.Topic, clock.GetUtcNow(), Zone, await AnyoneOnDuty(service.Id)).Availability != Availability.Live);
        // By code, the code exists before the yes is recorded, so a recorded yes always has its code.
        var issued = accept && offer.Mode == "code" ? await codes.Issue(CodeRules.Handover, new Dictionary<string, string>
        {
            ["service"] = offer.Service, ["summary"] = offer.Summary, ["topic"] = conversation.Topic, ["ageBand"] = offer.AgeBand,
            ["serviceMayOpen"] = serviceMayOpen ? "1" : "0",
        }) : null;
        var entry = ChatMessage.Event("handover", "counsellor", conversation.CounsellorName, Now, offer.Summary, offer.ServiceName);
        var score = conversation.Danger ? Now - DangerStep : Now;
        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Answer,
                [Keys.Conversation(conversation.Id), Keys.Transcript(conversation.Id), Keys.ServiceQueue(offer.Service)],
                [youthConnection, offerId ?? "", accept && !gone ? "1" : "0", shareHistory ? "1" : "0", entry.ToStored(), score, offer.Summary,
                    conversation.Id, offer.ServiceName]))!;
        }
        catch
        {
            if (issued is not null) await codes.Delete(issued.Code);
            throw;
        }
        var status = (string)result[0]!;
        if (status is not ("declined" or "accepted") && issued is not null) await codes.Delete(issued.Code);
        if (status == "declined" && gone) return new Answered(true, offer, (string)result[1]!, null, null, Gone: true);
        if (status == "declined")
        {
            await counters.CountHandover("handover-declined", offer.Service, conversation.Topic, offer.AgeBand);
            return new Answered(false, offer, (string)result[1]!, null, null);
        }
        if (status != "accepted") throw Refusal(status);
        var counsellor = (string)result[2]!;
        await counters.CountHandover($"handover-{offer.Mode}", offer.Service, conversation.Topic, offer.AgeBand);
        if (issued is null) return new Answered(true, offer, counsellor, entry with { Seq = (long)result[1] }, null);

        // The conversation keeps what the young person needs to see again after a reload, but not the code itself:
        // that stays on their phone (sessionStorage), so nothing in Redis links the code to the conversation.
        var pickup = new PickupInfo(issued.Code, offer.ServiceName, service?.Contact ?? "", issued.ExpiresAt.ToUnixTimeMilliseconds(), serviceMayOpen);
        await store.SetFields(conversation.Id, "", ("pickup", JsonSerializer.Serialize(pickup with { Code = "" }, Json)), ("pickupSelector", issued.Selector));
        return new Answered(true, offer, counsellor, entry with { Seq = (long)result[1] }, pickup);
    }

    public static PickupInfo? Pickup(ConversationRecord conversation) =>
        conversation.PickupCode.Length == 0 ? null : JsonSerializer.Deserialize<PickupInfo>(conversation.PickupCode, Json);

    // In turn: danger first, then by when the young person said yes (or arrived with a code).
    public async Task<IReadOnlyList<WaitingHandover>> Waiting(string service)
    {
        var entries = await redis.Database.SortedSetRangeByRankWithScoresAsync(Keys.ServiceQueue(service));
        var batch = redis.Database.CreateBatch();
        var reads = entries.Select(e => batch.HashGetAsync(Keys.Conversation((string)e.Element!),
            ["handoverSummary", "topic", "ageBand", "language", "danger", "state"])).ToList();
        batch.Execute();
        var waiting = new List<WaitingHandover>();
        for (var i = 0; i < entries.Length; i++)
        {
            var f = await reads[i];
            // Ended or expired since: the end script took it off the desk; nothing to show.
            if (f[5] != "active" && f[5] != "waiting") continue;
            var since = (long)entries[i].Score;
            waiting.Add(new WaitingHandover((string)entries[i].Element!, (string?)f[0] ?? "", ConversationRecord.Blank(f[1]), ConversationRecord.Blank(f[2]), ConversationRecord.Blank(f[3]),
                since < 0 ? since + DangerStep : since, f[4] == "1"));
        }
        return waiting;
    }

    // The young person pressed "I am in danger right now" while their chat waits at a service's desk: it moves ahead
    // there (ZADD XX: only while it still waits), and the desk's members hear of it. Returns who to alert.
    public async Task<IReadOnlyList<string>> DangerAtDesk(string service, string conversationId)
    {
        if (await redis.Database.SortedSetScoreAsync(Keys.ServiceQueue(service), conversationId) is { } score and >= 0)
            await redis.Database.SortedSetAddAsync(Keys.ServiceQueue(service), conversationId, score - DangerStep, When.Exists);
        await Broadcast(service);
        return await duty.OnDuty(service);
    }

    // Tells the service's members on duty what waits at their desk.
    public async Task Broadcast(string service) =>
        await relay.ToStaff(await duty.OnDuty(service), nameof(IStaffClient.HandoverQueueChanged), new HandoverQueueEvent(service, await Waiting(service)));

    public sealed record Joined(ChatMessage Entry, string YouthConnection, string Counsellor);

    public async Task<Joined> Take(string conversationId, string member, string displayName, string service)
    {
        var serviceName = (await directory.Find(service))?.Name ?? service;
        var entry = ChatMessage.Event("joined", "counsellor", displayName, Now, null, serviceName).By(member);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Take,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.ServiceQueue(service), Keys.ServiceDuty(service), Keys.CounsellorChats(member)],
            [conversationId, member, displayName, service, serviceName, entry.ToStored(), Keys.Prefix, Now]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Joined(entry with { Seq = (long)result[1] }, (string)result[2]!, (string)result[3]!) : throw Refusal(status);
    }

    // Holder: who holds the chat now. CounsellorLeft: the counsellor left (else the partner's guest left again).
    public sealed record Left(ChatMessage Entry, string YouthConnection, string Holder, bool CounsellorLeft);

    public async Task<Left> Leave(string conversationId, string user, string displayName, string? serviceName)
    {
        var entry = ChatMessage.Event("left", "counsellor", displayName, Now, null, serviceName).By(user);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Leave,
            [Keys.Conversation(conversationId), Keys.Transcript(conversationId), Keys.CounsellorChats(user)],
            [conversationId, user, entry.ToStored(), Now]))!;
        var status = (string)result[0]!;
        return status == "ok"
            ? new Left(entry with { Seq = (long)result[1] }, (string)result[2]!, (string)result[3]!, (string)result[4]! == "counsellor")
            : throw Refusal(status);
    }

    public sealed record Cancelled(ChatMessage Entry, string YouthConnection, string Desk);

    public async Task<Cancelled> Cancel(ConversationRecord conversation, string counsellor)
    {
        var serviceName = PendingOffer(conversation)?.ServiceName ?? conversation.Fields.GetValueOrDefault("handoverServiceName", "");
        var entry = ChatMessage.Event("handover-cancelled", "counsellor", conversation.CounsellorName, Now, null, serviceName);
        var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(HandoverScripts.Cancel,
            [Keys.Conversation(conversation.Id), Keys.Transcript(conversation.Id)], [conversation.Id, counsellor, entry.ToStored(), Keys.Prefix]))!;
        var status = (string)result[0]!;
        return status == "ok" ? new Cancelled(entry with { Seq = (long)result[1] }, (string)result[2]!, (string)result[3]!) : throw Refusal(status);
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
        await counters.CountHandover("pickup-opened", service, f.GetValueOrDefault("topic", ""), f.GetValueOrDefault("ageBand", ""));
        return new OpenedCode(serviceName, f.GetValueOrDefault("summary", ""), ConversationRecord.Blank(f.GetValueOrDefault("topic", "")), ConversationRecord.Blank(f.GetValueOrDefault("ageBand", "")),
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
        await counters.CountHandover("pickup-arrived", service.Id, f.GetValueOrDefault("topic", ""), f.GetValueOrDefault("ageBand", ""));
        return new ConversationStore.AtDesk(service.Id, service.Name, f.GetValueOrDefault("summary", ""));
    }

    public static string Summary(string? value)
    {
        var text = TextRules.Message(value);
        return text.Length <= MaxSummaryLength ? text
            : throw new ChatError("summary-too-long", $"A summary can be at most {MaxSummaryLength} characters.");
    }

    public static ChatError Refusal(string code) => code switch
    {
        "no-offer" => new(code, "There is no handover proposal to answer."),
        "offer-changed" => new(code, "The proposal changed before you answered: read the new one."),
        "no-handover" => new(code, "No handover waits in that conversation."),
        "not-your-service" => new(code, "That handover is for another service."),
        "no-guest" => new(code, "Leave once someone from the service has joined."),
        "service-gone" => new(code, "The service can no longer join the chat right now; the proposal is withdrawn. You keep talking here."),
        "service-unavailable" => new(code, "That service cannot join the chat right now. Contact it directly with the code; the code still works."),
        "not-shared" => new(code, "The young person chose to bring this code themselves; it cannot be opened by the service."),
        _ => Queue.WaitingRoom.Refusal(code),
    };
}
