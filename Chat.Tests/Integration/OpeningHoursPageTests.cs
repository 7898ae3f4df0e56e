using System.Net;
using System.Text.Json;
using Chat.Server.Opening;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The chat's hours through the real coordinator page, and the status young people's pages ask for.
public sealed class OpeningHoursPageTests : ChatTest
{
    private static string Date(int daysFromNow) =>
        DateOnly.FromDateTime(LocalTime.Of(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"))).AddDays(daysFromNow).ToString("yyyy-MM-dd");

    [Fact]
    public async Task ACoordinatorSavesTheChatsHoursAndTheChangeIsAudited()
    {
        var (client, session) = await App.StaffClient("kim", StaffRoles.Coordinator);
        Assert.Contains("Inga öppettider är satta", await ChatApp.PageAs(client, "/staff/hours", session));
        var form = await HtmlForm.Load(client, "/staff/hours", "hours-form", session);
        Assert.Equal("no", form.Values("hoursKnown").First());

        using var response = await form.Set("hoursKnown", "yes").Set("day0", "18:00–21:00").Set("day4", "20:00-24:00").Set("day5", "00:00-02:00")
            .Set("exDate0", Date(10)).Set("exPeriods0", "").Set("exNote0", "Personaldag").Post(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/hours?done=saved", response.Headers.Location?.PathAndQuery);
        var hours = await App.Get<OpeningStore>().Get();
        Assert.Equal([new OpeningPeriod(18 * 60, 21 * 60)], hours.Weekday(DayOfWeek.Monday));
        Assert.Equal([new OpeningPeriod(0, 120)], hours.Weekday(DayOfWeek.Saturday));
        Assert.Equal(new OpeningException(DateOnly.Parse(Date(10)), [], "Personaldag"), hours.Exceptions.Single() with { Periods = [] });
        var audit = Assert.Single(await App.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.OpeningHoursChanged);
        Assert.Equal(("kim", "opening-hours"), (audit.Actor, audit.Target));

        var again = await HtmlForm.Load(client, "/staff/hours", "hours-form", session);
        Assert.Equal("18:00–21:00", again.Value("day0"));
        Assert.Equal("Personaldag", again.Value("exNote0"));
        Assert.Contains("Öppettiderna sparades", WebUtility.HtmlDecode(await ChatApp.PageAs(client, "/staff/hours?done=saved", session)));
    }

    [Fact]
    public async Task RefusedHoursComeBackAsTypedWithTheReasonsAndNothingChanges()
    {
        var (client, session) = await App.StaffClient("kim", StaffRoles.Coordinator);
        using (var saved = await (await HtmlForm.Load(client, "/staff/hours", "hours-form", session)).Set("hoursKnown", "yes").Set("day0", "18:00–21:00").Post(client))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var form = await HtmlForm.Load(client, "/staff/hours", "hours-form", session);
        using var refused = await form.Set("day1", "22:00–02:00").Set("day2", "10:00-12:00, 11:00-13:00")
            .Set("exDate0", Date(3)).Set("exDate1", Date(3)).Post(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Öppettiderna sparades inte", html);
        Assert.Contains("Ett nattpass skrivs som 20:00–24:00 och 00:00–02:00 dagen efter", html);
        Assert.Contains("Passen går omlott", html);
        Assert.Contains("Ett datum kan bara ha ett undantag", html);
        var shown = HtmlForm.Parse(html, "hours-form", "/staff/hours", form.Cookies);
        Assert.Equal("22:00–02:00", shown.Value("day1"));
        Assert.Equal([new OpeningPeriod(18 * 60, 21 * 60)], (await App.Get<OpeningStore>().Get()).Weekday(DayOfWeek.Monday));
        Assert.Empty((await App.Get<OpeningStore>().Get()).Weekday(DayOfWeek.Tuesday));
        Assert.Single(await App.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.OpeningHoursChanged);
    }

    [Fact]
    public async Task SettingTheHoursBackToNoneRemovesThem()
    {
        var (client, session) = await App.StaffClient("kim", StaffRoles.Coordinator);
        await App.Get<OpeningStore>().Save(Hours(["", "", "", "", "", "", ""]), "kim");
        using var response = await (await HtmlForm.Load(client, "/staff/hours", "hours-form", session)).Set("hoursKnown", "no").Post(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await App.Get<OpeningStore>().Get()).IsKnown);
    }

    [Fact]
    public async Task OnlyCoordinatorsAndAdminsOpenTheHoursPage()
    {
        await App.CreateStaff("ulla");
        var session = await App.SignIn("ulla");
        using var client = App.NewClient();
        using var response = await ChatApp.SendAs(client, HttpMethod.Get, "/staff/hours", session);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/staff/signin", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task TheStatusSaysOpenWhileNoHoursAreSetAndWhenItOpensOnceTheyAre()
    {
        using var client = App.NewClient();
        var unknown = await Status(client);
        Assert.True(unknown.GetProperty("open").GetBoolean());
        Assert.False(unknown.GetProperty("hoursKnown").GetBoolean());
        Assert.False(unknown.GetProperty("onDuty").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("estimatedWaitSeconds").ValueKind);

        // Closed every day but one in three days' time.
        await App.Get<OpeningStore>().Save(Hours(["", "", "", "", "", "", ""], new OpeningForm.ExceptionRow(Date(3), "18:00–21:00", "")), "kim");
        var closed = await Status(client);
        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.True(closed.GetProperty("hoursKnown").GetBoolean());
        var opensAt = DateTimeOffset.FromUnixTimeMilliseconds(closed.GetProperty("opensAt").GetInt64());
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        Assert.Equal(DateOnly.Parse(Date(3)).ToDateTime(new TimeOnly(18, 0)), LocalTime.Of(opensAt, stockholm));
        // On the service's clock, in parts the page words in the young person's language.
        var opens = closed.GetProperty("opens");
        Assert.Equal(3, opens.GetProperty("inDays").GetInt32());
        Assert.Equal(Date(3), opens.GetProperty("date").GetString());
        Assert.Equal("18:00", opens.GetProperty("time").GetString());
    }

    [Fact]
    public async Task TheStatusCarriesNoCookieAndIsNeverStored()
    {
        using var client = App.NewClient();
        using var response = await client.GetAsync("/youth/status").Within(ChatApp.Timeout, "status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var names = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["closes", "closesAt", "estimatedWaitSeconds", "hoursKnown", "onDuty", "open", "opens", "opensAt"], names);
    }

    [Fact]
    public async Task TheYouthPageShowsTheClosedViewInsteadOfTheStartFormOutsideHours()
    {
        using var client = App.NewClient();
        var open = WebUtility.HtmlDecode(await client.GetStringAsync("/").Within(ChatApp.Timeout, "page"));
        Assert.Contains("<section id=\"closed\" class=\"view\" hidden", open);
        Assert.Contains("ingen kurator är inloggad just nu", open);

        await App.Get<OpeningStore>().Save(Hours(["", "", "", "", "", "", ""], new OpeningForm.ExceptionRow(Date(3), "18:00–21:00", "")), "kim");
        var closed = WebUtility.HtmlDecode(await client.GetStringAsync("/").Within(ChatApp.Timeout, "page"));
        Assert.Contains("<section id=\"start\" class=\"view\" hidden", closed);
        Assert.DoesNotContain("<section id=\"closed\" class=\"view\" hidden", closed);
        Assert.Contains("Chatten öppnar igen", closed);
        Assert.Contains("href=\"tel:112\"", closed);
    }

    [Fact]
    public async Task HelpPagesSayOpenNowOnlyWithinHoursAndWithSomeoneOnDuty()
    {
        await App.DisposeAsync();
        App = ChatApp.OnSharedRedis(new Dictionary<string, string?> { ["Content:ChatOpenCheckEvery"] = "00:00:00.001" });
        var openNow = App.Get<Chat.Server.Content.ChatOpenNow>();
        async Task<bool> Asked()
        {
            await Task.Delay(20); // past the node's cached answer
            return await openNow.IsOpen().AsTask().Within(ChatApp.Timeout, "open now");
        }
        await App.CreateStaff("ulla");
        await App.Get<DutyRoster>().GoOnDuty("ulla", 1);
        Assert.True(await Asked()); // no hours set: open whenever someone is on duty

        await App.Get<OpeningStore>().Save(Hours(["", "", "", "", "", "", ""]), "kim");
        Assert.False(await Asked());

        await App.Get<OpeningStore>().Save(Hours([.. Enumerable.Repeat("00:00–24:00", 7)]), "kim");
        Assert.True(await Asked());
        await App.Get<DutyRoster>().GoOffDuty("ulla");
        Assert.False(await Asked());
    }

    internal static OpeningHours Hours(string[] days, params OpeningForm.ExceptionRow[] exceptions)
    {
        var (hours, problems) = OpeningRules.Check(new OpeningForm { HoursKnown = true, Days = days, Exceptions = exceptions }, DateOnly.MinValue);
        Assert.Empty(problems);
        return hours;
    }

    private static async Task<JsonElement> Status(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/youth/status").Within(ChatApp.Timeout, "status")).RootElement;
}
