using System.Net;
using AngleSharp.Html.Parser;
using Chat.Server.Conversations;
using Chat.Server.Staff;
using Chat.Server.Stats;
using Chat.Server.Storage;
using Chat.Tests.Support;
using StackExchange.Redis;

namespace Chat.Tests.Integration;

// Coordinators and admins read the counts at /staff/stats and take them away as CSV; nobody else can.
public sealed class StatsPageTests : IAsyncLifetime
{
    // 12:00 in Stockholm on 10 April 2026 (UTC+2): "today" for every test here.
    private static readonly DateOnly Today = new(2026, 4, 10);
    private readonly ChatApp _app = new(RedisServer.Shared.Endpoint) { Clock = new ManualClock(new DateTimeOffset(2026, 4, 10, 10, 0, 0, TimeSpan.Zero)) };

    public Task InitializeAsync() => _app.Seeded();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ACoordinatorSeesEachDimensionAsAChartWithItsNumbersInSwedish()
    {
        await Counts(Today, ("started", 3), ("language:sv", 2), ("language:unknown", 1), ("topic:sexual-abuse", 2), ("rating:5", 1), ("rating:4", 1),
            ("handover-live:stodcentrum:sexual-abuse:13-15", 1), ("handover-code:stodcentrum:unknown:unknown", 2));
        await Counts(Today.AddDays(-29), ("started", 1));
        await Counts(Today.AddDays(-30), ("started", 100));
        var (client, session) = await SignedIn("kim", StaffRoles.Coordinator);

        var html = await ChatApp.PageAs(client, "/staff/stats", session, decode: false);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal(StatsDimensions.All.Count, page.QuerySelectorAll("section.stats-dimension svg.chart-svg").Length + page.QuerySelectorAll(".chart-empty").Length);
        var started = page.QuerySelector("#stats-started")!;
        Assert.Equal(30, started.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("4", started.QuerySelector("tfoot td:last-child")!.TextContent);
        Assert.Equal(2, started.QuerySelectorAll("rect.chart-bar").Length);
        var topics = page.QuerySelector("#stats-topic")!;
        Assert.Contains("Sexuella övergrepp, på nätet eller IRL", topics.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var handovers = page.QuerySelector("#stats-handover")!;
        Assert.Equal(["Dag", "Stödcentrum", "Totalt"], handovers.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal("3", handovers.QuerySelector("tfoot td")!.TextContent);
        Assert.Equal("Snittbetyg 4,5 av 5 (2 betyg).", page.QuerySelector("#stats-rating")!.TextContent);
        Assert.Equal("/staff/stats/export?from=2026-03-12&to=2026-04-10", page.QuerySelector("#stats-export")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("script:not([type=module]):not([type=\"application/json\"]), [style]")); // the texts are data, not a script
        // Its own stylesheet, from this site.
        var stylesheet = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(href => href.Contains("stats"));
        using var css = await ChatApp.SendAs(client, HttpMethod.Get, "/" + stylesheet.TrimStart('/'), session);
        Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("?days=90", 90)]
    [InlineData("?days=30", 30)]
    [InlineData("?days=365", 30)]
    [InlineData("?days=x", 30)]
    [InlineData("", 30)]
    public async Task ThePageShowsTheLastThirtyOrNinetyDays(string query, int days)
    {
        var (client, session) = await SignedIn("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        var page = new HtmlParser().ParseDocument(await ChatApp.PageAs(client, "/staff/stats" + query, session, decode: false));

        var rows = page.QuerySelectorAll("#stats-started tbody th[scope=row]").Select(th => th.TextContent).ToList();
        Assert.Equal(days, rows.Count);
        Assert.Equal((Today.AddDays(1 - days).ToString("yyyy-MM-dd"), "2026-04-10"), (rows[0], rows[^1]));
        Assert.Equal("page", page.QuerySelector($"#period-{days}")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TheCsvHasExactlyTheShownCountsOfTheDaysAskedForAndIsRecordedInTheAuditLog()
    {
        var started = await _app.Get<ConversationStore>().Start("exploitation", "en", "13-15", "conn-secret");
        await Counts(Today.AddDays(-2), ("started", 2), ("language:sv", 2), ("wait:0-1m", 1), ("abandoned:60m+", 1), ("transfer:colleague", 5),
            ("handover-code:=cmd|' /C calc'!A0:unknown:unknown", 1));
        await Counts(Today.AddDays(-10), ("started", 7));
        var (client, session) = await SignedIn("kim", StaffRoles.Coordinator);

        using var response = await ChatApp.SendAs(client, HttpMethod.Get, "/staff/stats/export?from=2026-04-08&to=2026-04-10", session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("statistik-2026-04-08-2026-04-10.csv", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains(StatsApi.ClampedHeader));
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal("""
            date,dimension,value,count
            2026-04-08,started,all,2
            2026-04-08,language,sv,2
            2026-04-08,wait,0-1m,1
            2026-04-08,abandoned,60m+,1
            2026-04-08,handover,'=cmd|' /C calc'!A0,1
            2026-04-10,started,all,1
            2026-04-10,language,en,1

            """.ReplaceLineEndings("\r\n"), csv);
        Assert.DoesNotContain(started.Id, csv);
        Assert.DoesNotContain(started.Token, csv);
        Assert.DoesNotContain("conn-secret", csv);
        Assert.DoesNotContain("kim", csv);

        var entry = Assert.Single(await _app.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.StatsExported);
        Assert.Equal(("kim", "stats:2026-04-08..2026-04-10"), (entry.Actor, entry.Target));
    }

    [Fact]
    public async Task ARangeReachingPastWhatIsKeptOrIntoTheFutureIsClampedAndSaysSo()
    {
        await Counts(Today.AddDays(-399), ("started", 1));
        await Counts(Today.AddDays(-400), ("started", 1));
        var (client, session) = await SignedIn("kim", StaffRoles.Coordinator);

        using var response = await ChatApp.SendAs(client, HttpMethod.Get, "/staff/stats/export?from=2020-01-01&to=2030-12-31", session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2025-03-07..2026-04-10", Assert.Single(response.Headers.GetValues(StatsApi.ClampedHeader)));
        Assert.Equal("date,dimension,value,count\r\n2025-03-07,started,all,1\r\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?from=2026-04-10&to=2026-04-01", "invalid-range")]
    [InlineData("?from=2026-4-1&to=2026-04-10", "invalid-date")]
    [InlineData("?from=2026-04-01", "invalid-date")]
    [InlineData("?from=yesterday&to=today", "invalid-date")]
    [InlineData("", "invalid-date")]
    public async Task ABackwardsOrMalformedRangeIsRefusedWithItsReasonAndNotRecorded(string query, string code)
    {
        var (client, session) = await SignedIn("kim", StaffRoles.Coordinator);

        using var response = await ChatApp.SendAs(client, HttpMethod.Get, "/staff/stats/export" + query, session);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"code\":\"{code}\"", body);
        Assert.Contains(code == "invalid-date" ? "yyyy-mm-dd" : "must not be after", body);
        Assert.DoesNotContain(await _app.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.StatsExported);
    }

    [Theory]
    [InlineData("/staff/stats")]
    [InlineData("/staff/stats/export?from=2026-04-01&to=2026-04-10")]
    public async Task NobodyButCoordinatorsAndAdminsGetsTheNumbers(string path)
    {
        await Counts(Today, ("started", 3));
        using var client = _app.NewClient();

        using (var anonymous = await client.GetAsync(path).WaitAsync(ChatApp.Timeout))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/staff/signin?ReturnUrl=", anonymous.Headers.Location?.PathAndQuery);
        }
        foreach (var (user, role) in new[] { ("ulla", StaffRoles.Counsellor), ("sara", StaffRoles.Partner) })
        {
            var (_, session) = await SignedIn(user, role);
            using var forbidden = await ChatApp.SendAs(client, HttpMethod.Get, path, session);
            // Access denied goes back to the sign-in page (Staff/StaffApi), never to the numbers.
            Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
            Assert.StartsWith("/staff/signin", forbidden.Headers.Location?.PathAndQuery);
        }
        Assert.DoesNotContain(await _app.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.StatsExported);
    }

    [Fact]
    public async Task StaffingIsShownAndExportedFromTheRecordedDutyPeriods()
    {
        await using (var counsellor = await Counsellor.SignIn(_app, "ulla"))
        {
            (await counsellor.GoOnDuty(2)).Value();
            ((ManualClock)_app.Clock!).Advance(TimeSpan.FromMinutes(90));
            (await counsellor.GoOffDuty()).Value();
        }
        var (client, session) = await SignedIn("kim", StaffRoles.Coordinator);

        var page = new HtmlParser().ParseDocument(await ChatApp.PageAs(client, "/staff/stats", session, decode: false));
        var row = Assert.Single(page.QuerySelectorAll("#staffing-table tbody tr"));
        Assert.Equal(["2026-04-10", "1 h 30 min", "1 h 30 min"], row.Children.Select(c => c.TextContent));
        Assert.Null(page.QuerySelector("#staffing-empty"));

        using var response = await ChatApp.SendAs(client, HttpMethod.Get, "/staff/stats/export?from=2026-04-10&to=2026-04-10", session);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("2026-04-10,staffing,covered-minutes,90\r\n2026-04-10,staffing,staff-minutes,90\r\n", csv);
        Assert.DoesNotContain("ulla", csv);
    }

    private async Task<(HttpClient Client, string Session)> SignedIn(string user, params string[] roles)
    {
        if (roles is not [StaffRoles.Partner]) return await _app.StaffClient(user, roles);
        await _app.CreateMember(user, "stodcentrum");
        return (_app.NewClient(), await _app.SignIn(user));
    }

    private async Task Counts(DateOnly day, params (string Field, long Count)[] fields)
    {
        var redis = _app.Get<RedisConnection>();
        await redis.Database.HashSetAsync(redis.Keys.Stats(day), [.. fields.Select(f => new HashEntry(f.Field, f.Count))]);
        await redis.Database.KeyExpireAsync(redis.Keys.Stats(day), TimeSpan.FromMinutes(5));
    }
}
