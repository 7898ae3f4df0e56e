using Chat.Client.Texts;
using Chat.Server.Conversations;
using Chat.Server.Handover;

namespace Chat.Tests.Unit;

// The eligibility rules against the facts in ../shared/reference/services.md, on the seed the service ships.
public sealed class EligibilityTests
{
    private static readonly Language Swedish = TextCatalog.StaffSwedish;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly IReadOnlyList<PartnerService> Seed = DirectorySeed.Load();
    // Monday 23 November 2026, 14:00 in Stockholm (CET).
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 14, 0, 0, TimeSpan.FromHours(1));
    private static readonly WeeklyHours OfficeHours = WeeklyHours.Parse(
        ["08:00-17:00", "08:00-17:00", "08:00-17:00", "08:00-17:00", "08:00-16:00", "closed", "closed"]);

    private static PartnerService Service(string id) => Seed.Single(s => s.Id == id);

    private static Verdict Assess(PartnerService service, string ageBand = "16-17", string topic = "", DateTimeOffset? now = null, bool onDuty = false) =>
        Eligibility.Assess(service, ageBand, topic, now ?? Monday, Stockholm, onDuty);

    private static Verdict Assess(string id, string ageBand = "16-17", string topic = "") => Assess(Service(id), ageBand, topic);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void TheSeedHoldsEveryServiceOfTheReferenceListWithItsAgeLimits()
    {
        (string Name, int? Min, int? Max)[] expected =
        [
            ("Stödcentrum", 10, 21), ("Mikamottagningen", 18, null), ("KAST (Köpare Av Sexuella Tjänster)", 18, null),
            ("Ungdomsjouren", null, 17), ("Barnahus Stockholm", null, 17), ("Relationsvåldscentrum (RVC)", 18, null),
            ("Ungdomsmottagningar", null, null), ("Socialjouren", null, null),
            ("Regionkoordinatorer mot prostitution och människohandel", null, null), ("BUP", null, 17),
            ("PrevenTell", 18, null), ("ANOVA", 16, null), ("Välj att sluta", 18, null),
            ("ungarelationer.se (Stiftelsen 1000 möjligheter)", null, null), ("Ellencentret (Stiftelsen 1000 möjligheter)", null, null),
            ("Män — samtalsmottagning", 15, 25), ("Brottsofferjouren (BOJ)", null, null), ("112", null, null),
        ];
        Assert.Equal(expected.OrderBy(e => e.Name), Seed.Select(s => (s.Name, s.MinAge, s.MaxAge)).OrderBy(e => e.Name));
        Assert.All(Seed, s => Assert.Empty(ServiceRules.Check(s).Problems));
        Assert.All(Seed, s => Assert.DoesNotContain("something-else", s.Topics));
        Assert.All(Seed, s => Assert.Equal(("", false), (s.Contact, s.Hours.IsKnown)));
        Assert.Equal(["112", "regionkoordinatorer"], Seed.Where(s => s.Receives == HandoverMode.None).Select(s => s.Id).Order());
        Assert.Equal(["barnahus"], Seed.Where(s => s.OnlyWhen is not null).Select(s => s.Id));
        Assert.DoesNotContain(Seed, s => s.Receives == HandoverMode.Live);
    }

    [Theory]
    [InlineData("under-13")]
    [InlineData("13-15")]
    [InlineData("16-17")]
    public void KastIsNotOfferedToUnder18s(string ageBand)
    {
        var verdict = Assess("kast", ageBand);

        Assert.Equal(Availability.Excluded, verdict.Availability);
        Assert.Equal(ReasonCodes.Age, verdict.Reason?.Code);
        Assert.Equal("KAST (Köpare Av Sexuella Tjänster): för personer som är 18 år eller äldre", VerdictWords.Of(Swedish, verdict));
    }

    [Theory]
    [InlineData("18-20")]
    [InlineData("21-plus")]
    public void KastIsOfferedByCodeToAdultsWorriedAboutTheirOwnBehaviour(string ageBand)
    {
        var verdict = Assess("kast", ageBand, "own-behaviour");
        Assert.Equal((Availability.ByCode, null), (verdict.Availability, verdict.Reason));
    }

    [Fact]
    public void StodcentrumTakesAges10To21()
    {
        Assert.All(["13-15", "16-17", "18-20"], band => Assert.Equal(Availability.ByCode, Assess("stodcentrum", band).Availability));
        // Under 13 covers 10-12 and younger; 21 and older covers 21 and older: the counsellor has to ask.
        Assert.All(["under-13", "21-plus"], band =>
        {
            var verdict = Assess("stodcentrum", band);
            Assert.Equal(Availability.AskAge, verdict.Availability);
            Assert.Equal(new VerdictReason(ReasonCodes.AskAge, 10, 21), verdict.Reason);
            Assert.Equal("Fråga hur gammal den unga är: Stödcentrum är för personer som är 10–21 år", VerdictWords.Of(Swedish, verdict));
        });
    }

    [Fact]
    public void UngdomsjourenAndBupAreForUnder18s()
    {
        var adult = Assess("ungdomsjouren", "18-20");
        Assert.Equal(Availability.Excluded, adult.Availability);
        Assert.Equal("Ungdomsjouren: för personer under 18 år", VerdictWords.Of(Swedish, adult));
        Assert.Equal(Availability.Excluded, Assess("bup", "21-plus").Availability);
        Assert.All(["under-13", "13-15", "16-17"], band => Assert.Equal(Availability.ByCode, Assess("ungdomsjouren", band).Availability));
    }

    [Fact]
    public void AnovaStartsAt16AndMenSamtalsmottagningTakes15To25()
    {
        Assert.Equal(Availability.Excluded, Assess("anova", "13-15", "own-behaviour").Availability);
        Assert.Equal(Availability.ByCode, Assess("anova", "16-17", "own-behaviour").Availability);
        Assert.Equal("ANOVA: för personer som är 16 år eller äldre", VerdictWords.Of(Swedish, Assess("anova", "under-13")));
        Assert.Equal(Availability.AskAge, Assess("man-samtalsmottagning", "13-15").Availability);
        Assert.Equal(Availability.ByCode, Assess("man-samtalsmottagning", "18-20").Availability);
        Assert.Equal(Availability.Excluded, Assess("man-samtalsmottagning", "under-13").Availability);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("under-13", "sexual-abuse")]
    [InlineData("16-17", "exploitation")]
    [InlineData("21-plus", "something-else")]
    public void BarnahusIsNeverOfferedAndSaysWhy(string ageBand, string topic)
    {
        var verdict = Eligibility.Assess(Service("barnahus"), ageBand, topic, Monday, Stockholm, memberOnDuty: true);

        Assert.Equal(Availability.Excluded, verdict.Availability);
        Assert.Equal(new VerdictReason(ReasonCodes.Condition, Condition: "det finns en pågående polisutredning"), verdict.Reason);
        Assert.Equal("Barnahus Stockholm: bara när det finns en pågående polisutredning", VerdictWords.Of(Swedish, verdict));
    }

    [Fact]
    public void UnknownAgeBandAsksTheCounsellorToAsk()
    {
        var verdicts = Eligibility.For(Seed, "", "", Monday, Stockholm, _ => false);

        var limited = Seed.Where(s => (s.MinAge ?? s.MaxAge) is not null && s.Receives != HandoverMode.None && s.OnlyWhen is null).Select(s => s.Id);
        Assert.Equal(limited.Order(), verdicts.Where(v => v.Availability == Availability.AskAge).Select(v => v.Service.Id).Order());
        Assert.All(verdicts.Where(v => v.Availability == Availability.AskAge), v => Assert.StartsWith("Fråga hur gammal den unga är: ", VerdictWords.Of(Swedish, v)));
        Assert.Equal("Fråga hur gammal den unga är: KAST (Köpare Av Sexuella Tjänster) är för personer som är 18 år eller äldre",
            VerdictWords.Of(Swedish, verdicts.Single(v => v.Service.Id == "kast")));
        // Services with no age limit are offered as usual.
        Assert.Equal(Availability.ByCode, verdicts.Single(v => v.Service.Id == "socialjouren").Availability);
    }

    [Fact]
    public void ClosedServiceIsOfferedByCodeAndSaysWhenItOpens()
    {
        var stodcentrum = Service("stodcentrum") with { Hours = OfficeHours, Receives = HandoverMode.Live };

        var early = Assess(stodcentrum, now: At(2026, 11, 23, 6, 30), onDuty: true); // Monday 07:30
        Assert.Equal(Availability.ByCode, early.Availability);
        Assert.Equal(new VerdictReason(ReasonCodes.Closed, Until: new DateTime(2026, 11, 23, 8, 0, 0)), early.Reason);
        Assert.Equal("stängt till 08:00", VerdictWords.Of(Swedish, early));

        var friday = Assess(stodcentrum, now: At(2026, 11, 27, 15, 30), onDuty: true); // Friday 16:30, after 16:00 closing
        Assert.Equal(Availability.ByCode, friday.Availability);
        Assert.Equal("stängt till måndag 08:00", VerdictWords.Of(Swedish, friday));
        Assert.Equal(3, friday.Reason!.DaysAhead);

        Assert.Equal(Availability.Live, Assess(stodcentrum, now: At(2026, 11, 23, 7, 0), onDuty: true).Availability); // 08:00
        Assert.Equal(Availability.ByCode, Assess(stodcentrum, now: At(2026, 11, 23, 16, 0), onDuty: true).Availability); // 17:00
    }

    [Fact]
    public void AServiceOpenOnlyOnMondaysSaysNextMondayAfterItsHours()
    {
        var mondays = Service("socialjouren") with { Hours = WeeklyHours.Parse(["08:00-10:00", "closed", "closed", "closed", "closed", "closed", "closed"]) };
        Assert.Equal("stängt till nästa måndag 08:00", VerdictWords.Of(Swedish, Assess(mondays)));
        var closedAllWeek = Service("socialjouren") with { Hours = WeeklyHours.Parse([.. Enumerable.Repeat("closed", 7)]) };
        Assert.Equal("stängt hela den närmaste veckan", VerdictWords.Of(Swedish, Assess(closedAllWeek)));
    }

    [Fact]
    public void LiveServiceWithNobodyOnDutyFallsBackToCode()
    {
        var stodcentrum = Service("stodcentrum") with { Receives = HandoverMode.Live, Hours = OfficeHours };

        var nobody = Assess(stodcentrum, onDuty: false);
        Assert.Equal((Availability.ByCode, ReasonCodes.NoMember), (nobody.Availability, nobody.Reason?.Code));
        Assert.Equal("ingen från Stödcentrum är inloggad just nu", VerdictWords.Of(Swedish, nobody));

        var someone = Assess(stodcentrum, onDuty: true);
        Assert.Equal((Availability.Live, null), (someone.Availability, someone.Reason));
        // No hours entered: live whenever a member is on duty.
        Assert.Equal(Availability.Live, Assess(stodcentrum with { Hours = WeeklyHours.Unknown }, onDuty: true).Availability);
    }

    [Fact]
    public void DirectoryOnlyServicesAreNeverOffered()
    {
        foreach (var id in (string[])["112", "regionkoordinatorer"])
            foreach (var band in (string[])["", .. Vocabulary.AgeBands])
                foreach (var topic in (string[])["", .. Vocabulary.Topics])
                {
                    var verdict = Eligibility.Assess(Service(id), band, topic, Monday, Stockholm, memberOnDuty: true);
                    Assert.Equal((Availability.Excluded, ReasonCodes.DirectoryOnly), (verdict.Availability, verdict.Reason?.Code));
                }
        Assert.Equal("112: finns bara i katalogen och tar inte emot överlämningar", VerdictWords.Of(Swedish, Assess("112")));
    }

    [Fact]
    public void OneHundredTwelveIsNeverAHandoverTargetEvenIfSwitchedToLive()
    {
        // Coordinators may edit it; as long as it stays "none", nothing routes there.
        var verdict = Eligibility.Assess(Service("112"), "16-17", "sexual-abuse", Monday, Stockholm, memberOnDuty: true);
        Assert.NotEqual(Availability.Live, verdict.Availability);
        Assert.NotEqual(Availability.ByCode, verdict.Availability);
    }

    [Fact]
    public void ATopicOutsideTheServicesFocusExcludesIt()
    {
        var verdict = Assess("kast", "21-plus", "sexual-abuse");
        Assert.Equal((Availability.Excluded, ReasonCodes.Topic), (verdict.Availability, verdict.Reason?.Code));
        Assert.Equal("KAST (Köpare Av Sexuella Tjänster): inte för det här ämnet", VerdictWords.Of(Swedish, verdict));
        // A service that lists no topics takes every topic.
        Assert.Equal(Availability.ByCode, Assess("socialjouren", "16-17", "self-harm-through-sex").Availability);
    }

    [Theory]
    [InlineData("")]
    [InlineData("something-else")]
    public void AnUnknownTopicOrSomethingElseNeverExcludesAService(string topic) =>
        Assert.DoesNotContain(Eligibility.For(Seed, "21-plus", topic, Monday, Stockholm, _ => true), v => v.Reason?.Code == ReasonCodes.Topic);

    [Fact]
    public void TheListHasLiveFirstThenByCodeThenAskAgeThenExcludedEachByName()
    {
        var services = Seed.Select(s => s.Id is "ungarelationer" or "ungdomsjouren" ? s with { Receives = HandoverMode.Live } : s);
        var verdicts = Eligibility.For(services, "13-15", "relationship-violence", Monday, Stockholm, id => id is "ungarelationer" or "ungdomsjouren");

        Assert.Equal(Seed.Count, verdicts.Count);
        Assert.Equal(verdicts.Select(v => v.Availability).Order(), verdicts.Select(v => v.Availability));
        string[] Names(Availability availability) => [.. verdicts.Where(v => v.Availability == availability).Select(v => v.Service.Name)];
        // Swedish order, ignoring case: "ungarelationer.se" before "Ungdomsjouren".
        Assert.Equal(["ungarelationer.se (Stiftelsen 1000 möjligheter)", "Ungdomsjouren"], Names(Availability.Live));
        Assert.Equal(["Brottsofferjouren (BOJ)", "BUP", "Socialjouren", "Stödcentrum", "Ungdomsmottagningar"], Names(Availability.ByCode));
        Assert.Equal(["Män — samtalsmottagning"], Names(Availability.AskAge));
        Assert.Equal(Names(Availability.Excluded).Order(StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)), Names(Availability.Excluded));
    }

    // Hours are Stockholm's wall clock: 08:00 is 07:00 UTC in winter and 06:00 UTC in summer, also on the change days.
    [Fact]
    public void OpeningHoursFollowStockholmsClockAcrossTheSpringChange()
    {
        var everyDay = Service("socialjouren") with { Receives = HandoverMode.Live, Hours = WeeklyHours.Parse([.. Enumerable.Repeat("08:00-17:00", 7)]) };
        Verdict At_(DateTimeOffset utc) => Assess(everyDay, now: utc, onDuty: true);

        Assert.Equal(Availability.Live, At_(At(2026, 3, 28, 7, 0)).Availability);   // Saturday 08:00 CET
        Assert.Equal(Availability.ByCode, At_(At(2026, 3, 29, 5, 30)).Availability); // Sunday 07:30 CEST
        Assert.Equal("stängt till 08:00", VerdictWords.Of(Swedish, At_(At(2026, 3, 29, 5, 30))));
        Assert.Equal(Availability.Live, At_(At(2026, 3, 29, 6, 0)).Availability);   // Sunday 08:00 CEST
        Assert.Equal(Availability.ByCode, At_(At(2026, 3, 29, 15, 0)).Availability); // Sunday 17:00 CEST
    }

    [Fact]
    public void OpeningHoursFollowStockholmsClockAcrossTheAutumnChange()
    {
        var everyDay = Service("socialjouren") with { Receives = HandoverMode.Live, Hours = WeeklyHours.Parse([.. Enumerable.Repeat("08:00-17:00", 7)]) };
        Verdict At_(DateTimeOffset utc) => Assess(everyDay, now: utc, onDuty: true);

        Assert.Equal(Availability.Live, At_(At(2026, 10, 24, 6, 0)).Availability);   // Saturday 08:00 CEST
        Assert.Equal(Availability.ByCode, At_(At(2026, 10, 25, 6, 30)).Availability); // Sunday 07:30 CET
        Assert.Equal(Availability.Live, At_(At(2026, 10, 25, 7, 0)).Availability);   // Sunday 08:00 CET
        // 02:30 happens twice that night; both are before opening.
        Assert.Equal("stängt till 08:00", VerdictWords.Of(Swedish, At_(At(2026, 10, 25, 0, 30))));
        Assert.Equal("stängt till 08:00", VerdictWords.Of(Swedish, At_(At(2026, 10, 25, 1, 30))));
    }

    [Fact]
    public void AnOpeningInTheSkippedSpringHourIsGivenAsWhenTheClockGetsThere()
    {
        var night = Service("socialjouren") with { Hours = WeeklyHours.Parse([.. Enumerable.Repeat("02:30-06:00", 7)]) };
        var verdict = Assess(night, now: At(2026, 3, 29, 0, 30)); // Sunday 01:30 CET; at 02:00 the clock jumps to 03:00

        Assert.Equal("stängt till 03:00", VerdictWords.Of(Swedish, verdict));
        Assert.Equal(Availability.ByCode, verdict.Availability);
        Assert.Null(Assess(night, now: At(2026, 3, 29, 1, 0)).Reason); // 03:00 CEST: open
    }

    [Fact]
    public void AnOpeningWhollyInsideTheSkippedSpringHourNeverHappensSoTheNextOneCounts()
    {
        var brief = Service("socialjouren") with { Hours = WeeklyHours.Parse(["closed", "closed", "20:05-23:17", "closed", "closed", "closed", "02:48-02:53"]) };
        var verdict = Assess(brief, now: At(2026, 3, 28, 10, 13)); // Saturday; on Sunday 02:48–02:53 does not exist

        Assert.Equal(new DateTime(2026, 4, 1, 20, 5, 0), verdict.Reason!.Until);
        Assert.Equal("stängt till onsdag 20:05", VerdictWords.Of(Swedish, verdict));
    }
}
