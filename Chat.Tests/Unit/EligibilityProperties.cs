using Chat.Client.Texts;
using Chat.Server.Conversations;
using Chat.Server.Handover;
using FsCheck;
using FsCheck.Fluent;

namespace Chat.Tests.Unit;

// The eligibility rules and opening hours over generated services, moments and conversations.
public sealed class EligibilityProperties
{
    private static readonly Language Swedish = TextCatalog.StaffSwedish;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AVerdictThatIsNotLiveOrPlainByCodeAlwaysSaysWhyInWords() => Holds(Cases, c =>
    {
        var verdict = c.Assess();
        var reasonNeeded = verdict.Availability is Availability.Excluded or Availability.AskAge;
        return (!reasonNeeded || verdict.Reason is not null)
            && (verdict.Availability != Availability.Live || verdict.Reason is null)
            && (verdict.Reason is null || VerdictWords.Of(Swedish, verdict) is { Length: > 0 } words && !words.Contains("{"));
    });

    [Fact]
    public void EachAvailabilityComesWithItsOwnKindOfReason() => Holds(Cases, c =>
    {
        var verdict = c.Assess();
        return verdict.Availability switch
        {
            Availability.Excluded => verdict.Reason?.Code is ReasonCodes.DirectoryOnly or ReasonCodes.Condition or ReasonCodes.Age or ReasonCodes.Topic,
            Availability.AskAge => verdict.Reason?.Code == ReasonCodes.AskAge,
            Availability.ByCode => verdict.Reason?.Code is null or ReasonCodes.Closed or ReasonCodes.NoMember,
            _ => verdict.Reason is null,
        };
    });

    [Fact]
    public void LiveOnlyWhenTheServiceReceivesLiveIsOpenAndSomeoneIsOnDuty() => Holds(Cases, c =>
        c.Assess().Availability != Availability.Live
        || c.Service.Receives == HandoverMode.Live && c.OnDuty
           && (!c.Service.Hours.IsKnown || c.Service.Hours.IsOpen(TimeZoneInfo.ConvertTime(c.Now, Stockholm).DateTime)));

    [Fact]
    public void DirectoryOnlyAndConditionalServicesAreNeverOffered() => Holds(Cases, c =>
        c.Service.Receives != HandoverMode.None && c.Service.OnlyWhen is null || c.Assess().Availability == Availability.Excluded);

    [Fact]
    public void SomethingElseOrNoTopicNeverExcludesAServiceAndNoAgeLimitNeverAsks() => Holds(Cases, c =>
    {
        var verdict = c.Assess();
        return (c.Topic is not ("" or "something-else") || verdict.Reason?.Code != ReasonCodes.Topic)
            && (c.Service.MinAge is not null || c.Service.MaxAge is not null || verdict.Reason?.Code is not (ReasonCodes.Age or ReasonCodes.AskAge));
    });

    [Fact]
    public void AClosedServiceOpensAtTheTimeItSaysWithinAWeek() => Holds(Cases, c =>
    {
        if (c.Assess().Reason is not { Code: ReasonCodes.Closed } reason) return true;
        var local = TimeZoneInfo.ConvertTime(c.Now, Stockholm).DateTime;
        return reason.Until is not { } until
            // Within a week; up to two when the only opening that week fell wholly in the hour skipped in spring.
            || until > local && until - local <= TimeSpan.FromDays(14).Add(TimeSpan.FromHours(1)) && c.Service.Hours.IsOpen(until) && !Stockholm.IsInvalidTime(until)
               && reason.DaysAhead == (until.Date - local.Date).Days;
    });

    [Fact]
    public void TheListHasOneVerdictPerServiceInAvailabilityOrder() => Holds(Lists, list =>
    {
        var verdicts = Eligibility.For(list.Services, list.AgeBand, list.Topic, list.Now, Stockholm, id => id.GetHashCode() % 2 == 0);
        return verdicts.Count == list.Services.Count
            && verdicts.Select(v => v.Service.Id).Order().SequenceEqual(list.Services.Select(s => s.Id).Order())
            && verdicts.Zip(verdicts.Skip(1)).All(pair => pair.First.Availability <= pair.Second.Availability);
    });

    [Fact]
    public void NextOpeningIsTheFirstOpenMinuteFromNowWithinAWeek() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200),
        Prop.ForAll(Arb.From(KnownHours), Arb.From(Moments), (hours, now) =>
        {
            var local = TimeZoneInfo.ConvertTime(now, Stockholm).DateTime;
            local = local.AddSeconds(-local.Second);
            var next = hours.NextOpening(local);
            var firstOpen = Enumerable.Range(0, 7 * 24 * 60 + 1).Select(m => local.AddMinutes(m)).Cast<DateTime?>().FirstOrDefault(t => hours.IsOpen(t!.Value));
            return next == firstOpen && (next == local) == hours.IsOpen(local);
        }));

    [Fact]
    public void HoursRoundTripThroughTheirRows() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
        Prop.ForAll(Arb.From(KnownHours), hours => WeeklyHours.Parse(hours.Format()).Equals(hours)));

    public sealed record Case(PartnerService Service, string AgeBand, string Topic, DateTimeOffset Now, bool OnDuty)
    {
        public Verdict Assess() => Eligibility.Assess(Service, AgeBand, Topic, Now, Stockholm, OnDuty);
        public override string ToString() =>
            $"{Service.Receives} ages {Service.MinAge}-{Service.MaxAge} topics [{string.Join(',', Service.Topics)}] when '{Service.OnlyWhen}' hours {Service.Hours} | band '{AgeBand}' topic '{Topic}' at {Now:u} on duty {OnDuty}";
    }

    public sealed record ServiceList(IReadOnlyList<PartnerService> Services, string AgeBand, string Topic, DateTimeOffset Now);

    private static readonly Gen<DayHours?> Day = Gen.Frequency(
        (2, Gen.Constant<DayHours?>(null)),
        (1, Gen.Constant<DayHours?>(DayHours.AroundTheClock)),
        (4, from start in Gen.Choose(0, 23 * 60) from length in Gen.Choose(1, 24 * 60 - start) select (DayHours?)new DayHours(start, start + length)));

    private static readonly Gen<WeeklyHours> KnownHours = Gen.ArrayOf(Day, 7).Select(days => WeeklyHours.Of(days));

    private static readonly Gen<WeeklyHours> AnyHours = Gen.Frequency((1, Gen.Constant(WeeklyHours.Unknown)), (3, KnownHours));

    // Any minute of 2026, both change days of Stockholm's clock included.
    private static readonly Gen<DateTimeOffset> Moments = Gen.Frequency(
        (6, Gen.Choose(0, 365 * 24 * 60).Select(m => YearStart.AddMinutes(m))),
        (1, Gen.Choose(0, 2 * 24 * 60).Select(m => new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero).AddMinutes(m))),
        (1, Gen.Choose(0, 2 * 24 * 60).Select(m => new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero).AddMinutes(m))));

    private static readonly Gen<int?> Age = Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 30).Select(a => (int?)a)));

    private static readonly Gen<PartnerService> Service =
        from id in Gen.Choose(0, 9999).Select(i => $"s{i}")
        from receives in Gen.Elements(HandoverMode.Live, HandoverMode.ByCode, HandoverMode.None)
        from onlyWhen in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("det finns en polisutredning")))
        from ages in Gen.Two(Age)
        from topics in Gen.SubListOf(Vocabulary.Topics.Where(t => t != "something-else").ToArray())
        from hours in AnyHours
        select new PartnerService(id, $"Tjänst {id}", "", "", ages.Item1 is { } a && ages.Item2 is { } b ? Math.Min(a, b) : ages.Item1,
            ages.Item1 is { } c && ages.Item2 is { } d ? Math.Max(c, d) : ages.Item2, topics.ToList(), [], hours, "", receives, onlyWhen);

    private static readonly Gen<string> AgeBand = Gen.Elements<string>(["", .. Vocabulary.AgeBands]);
    private static readonly Gen<string> Topic = Gen.Elements<string>(["", .. Vocabulary.Topics]);

    private static readonly Arbitrary<Case> Cases = Arb.From(
        from service in Service
        from band in AgeBand
        from topic in Topic
        from now in Moments
        from onDuty in Gen.Elements(true, false)
        select new Case(service, band, topic, now, onDuty));

    private static readonly Arbitrary<ServiceList> Lists = Arb.From(
        from services in Gen.ListOf(Service)
        from band in AgeBand
        from topic in Topic
        from now in Moments
        select new ServiceList(services.DistinctBy(s => s.Id).ToList(), band, topic, now));

    private static void Holds<T>(Arbitrary<T> cases, Func<T, bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(cases, property));
}
