using Chat.Server.Handover;
using Chat.Server.Stats;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// When the service cannot join live, the young person gets a pickup code and the service's contact details.
public sealed class HandoverByCodeTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();
    private static readonly TimeSpan T = ChatApp.Timeout;
    private const string Summary = "Hen har tagit emot pengar för sex och vill prata med någon om det.";

    public async Task InitializeAsync()
    {
        var stod = await Handovers.Seeded(_app, "stodcentrum");
        await _app.Get<ServiceDirectory>().Save(stod with { Contact = "Telefon 08-123 45 67, vardagar 9–16" });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(Youth Youth, Counsellor Counsellor, string Id, PickupInfo Pickup)> Accepted(bool serviceMayOpen)
    {
        var (youth, counsellor, id) = await Youth.Matched(_app);
        // The young person named no age: the counsellor asks, and says what they learned.
        var stod = Assert.Single((await counsellor.Services(id)).Value(), s => s.Service == "stodcentrum");
        Assert.Equal("askage", stod.Availability);
        Assert.Equal("bycode", Assert.Single((await counsellor.Services(id, "16-17")).Value(), s => s.Service == "stodcentrum").Availability);
        (await counsellor.ProposeHandover(id, "stodcentrum", Summary)).Refused("not-eligible");

        var offer = (await counsellor.ProposeHandover(id, "stodcentrum", Summary, ageBand: "16-17")).Value();
        Assert.Equal("code", offer.Mode);
        Assert.Equal(offer, await youth.Offers.NextAsync(T));
        var pickup = (await youth.AnswerHandover(offer.Id, accept: true, serviceMayOpen: serviceMayOpen)).Value()!;
        Assert.Equal(("Stödcentrum", "Telefon 08-123 45 67, vardagar 9–16", serviceMayOpen), (pickup.ServiceName, pickup.Contact, pickup.ServiceMayOpen));
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", pickup.Code);
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(pickup.ExpiresAt) - DateTimeOffset.UtcNow, TimeSpan.FromDays(13.9), TimeSpan.FromDays(14));
        return (youth, counsellor, id, pickup);
    }

    [Fact]
    public async Task TheServiceOpensTheConsentedSummaryWithTheCodeOnce()
    {
        var (youth, counsellor, id, pickup) = await Accepted(serviceMayOpen: true);
        await using var _1 = youth;
        await using var _2 = counsellor;
        Assert.Equal(Summary, (await youth.Next("handover")).Text);
        // The code comes back after a reload, so the young person can still write it down.
        await using var reloaded = await Youth.Connect(_app);
        // Everything but the code itself, which stays on the phone: nothing in Redis links it to the conversation.
        Assert.Equal(pickup with { Code = "" }, (await reloaded.Resume(youth.LastToken, takeOver: true)).Value().Pickup);
        Assert.DoesNotContain(pickup.Code, (await counsellor.Snapshot()).Value().Chats.SelectMany(c => c.Messages).Select(m => m.Text ?? ""));
        await RedisHolds.NoCode(_app, pickup.Code);

        await using var sara = await Counsellor.SignInMember(_app, "sara", "stodcentrum");
        var opened = (await sara.OpenCode(pickup.Code.ToLowerInvariant())).Value();
        Assert.Equal(("Stödcentrum", Summary, "16-17"), (opened.ServiceName, opened.Summary, opened.AgeBand));
        (await sara.OpenCode(pickup.Code)).Refused("code-used");

        var today = await _app.Get<Counters>().Today(); // the service's day (Stockholm), not UTC's
        Assert.Equal(1, today["handover-code:stodcentrum:unknown:16-17"]);
        Assert.Equal(1, today["pickup-opened:stodcentrum:unknown:16-17"]);
    }

    [Fact]
    public async Task OnlyTheNamedServiceAndOnlyWithConsentCanOpenACode()
    {
        var (youth, counsellor, _, pickup) = await Accepted(serviceMayOpen: false);
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var sara = await Counsellor.SignInMember(_app, "sara", "stodcentrum");
        await using var kalle = await Counsellor.SignInMember(_app, "kalle", "mikamottagningen");

        (await kalle.OpenCode(pickup.Code)).Refused("not-your-service");
        (await sara.OpenCode(pickup.Code)).Refused("not-shared");
        (await sara.OpenCode("ABCD-EFGH-JKMN")).Refused("unknown-code");
        (await sara.OpenCode("hello")).Refused("invalid-code");
        await Handovers.Unauthorized(() => counsellor.OpenCode(pickup.Code));
        // None of that used it up: the young person can still delete it.
        (await youth.DeleteCode(pickup.Code)).Value();
        (await sara.OpenCode(pickup.Code)).Refused("unknown-code");
        await using var reloaded = await Youth.Connect(_app);
        Assert.Null((await reloaded.Resume(youth.LastToken, takeOver: true)).Value().Pickup);
    }

    [Fact]
    public async Task AnExpiredCodeOpensNothing()
    {
        var (youth, counsellor, _, pickup) = await Accepted(serviceMayOpen: true);
        await using var _1 = youth;
        await using var _2 = counsellor;
        // Fourteen days pass: Redis expires the code's key (shortened here to a moment).
        var key = _app.Get<Chat.Server.Storage.RedisConnection>().Keys.Code(CodeRules.Selector(CodeRules.Normalize(pickup.Code)!));
        Assert.True(await RedisServer.Shared.Connection.GetDatabase().KeyExpireAsync(key, TimeSpan.FromMilliseconds(50)));
        await Task.Delay(200);
        await using var sara = await Counsellor.SignInMember(_app, "sara", "stodcentrum");
        (await sara.OpenCode(pickup.Code)).Refused("unknown-code");
        (await youth.DeleteCode(pickup.Code)).Refused("unknown-code");
    }

    [Fact]
    public async Task GuessingCodesIsCutOffAfterAFewMisses()
    {
        var (youth, counsellor, _, pickup) = await Accepted(serviceMayOpen: true);
        await using var _1 = youth;
        await using var _2 = counsellor;
        await using var sara = await Counsellor.SignInMember(_app, "sara", "stodcentrum");
        var misses = 0;
        while ((await sara.OpenCode(Wrong(pickup.Code, misses))).Error?.Code == "unknown-code") misses++;
        Assert.InRange(misses, 1, 10);
        (await sara.OpenCode(pickup.Code)).Refused("too-many-attempts");
    }

    // The right selector with a wrong last character, different each time.
    private static string Wrong(string code, int attempt)
    {
        var other = "23456789ABCDEFGH".Where(c => c != code[^1]).ElementAt(attempt % 15);
        return code[..^1] + other;
    }

    [Fact]
    public async Task AYoungPersonWhoBringsTheCodeBackGoesStraightToTheServiceWhenItCanJoinLive()
    {
        var (youth, counsellor, _, pickup) = await Accepted(serviceMayOpen: false);
        await using var _1 = youth;
        await using var _2 = counsellor;

        // Not on this system live yet: the code is kept for later, and the young person is told.
        await using var early = await Youth.Connect(_app);
        (await early.Start(code: pickup.Code)).Refused("service-unavailable");

        await Handovers.Live(_app, "stodcentrum");
        await using var sara = await Counsellor.SignInMember(_app, "sara", "stodcentrum");
        (await sara.GoOnDuty(1)).Value();
        await using var back = await Youth.Connect(_app);
        var state = (await back.Start(code: pickup.Code)).Value();
        Assert.Equal(("waiting", "Stödcentrum", null), (state.State, state.WaitingFor, state.Position));
        Assert.Equal(("handover", Summary), (state.Messages[0].Kind, state.Messages[0].Text));
        Assert.Empty((await counsellor.Snapshot()).Value().Waiting); // not in the counsellors' queue

        var waiting = Assert.Single(await sara.HandoversOf(1));
        Assert.Equal(Summary, waiting.Summary);
        (await counsellor.GoOnDuty(2)).Value();
        (await counsellor.Take(waiting.ConversationId)).Refused("no-longer-waiting"); // it waits for Stödcentrum, not for a counsellor
        var chat = (await sara.TakeHandover(waiting.ConversationId)).Value();
        Assert.True(chat.Holder);
        var joined = await back.Next("joined");
        Assert.Equal(("Name of sara", "Stödcentrum"), (joined.Name, joined.Service));
        (await back.Send("hej")).Value();
        Assert.Equal("hej", (await sara.Next("text")).Text);
        (await sara.TakeHandover(waiting.ConversationId)).Refused("no-handover");

        await using var again = await Youth.Connect(_app);
        (await again.Start(code: pickup.Code)).Refused("code-used");
    }
}
