using System.Net;
using AngleSharp.Html.Parser;
using Chat.Server.Handover;
using Chat.Server.Staff;
using Chat.Server.Storage;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Admins give people accounts through the real pages; the accounts work at sign-in and on the staff hub.
public sealed class StaffAccountPagesTests : ChatTest
{
    private const string NewPassword = "en hel mening som lösenord";
    private const string OwnPassword = "min egen mening är bättre";

    [Fact]
    public async Task AnAdminCreatesAnAccountForStodcentrumsStaffWhoSignsInToTheConsoleAtTheirDesk()
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        using (var created = await NewAccount(client, session, "Sara", "Sara på Stödcentrum", "partner", "stodcentrum"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/staff/accounts?done=created", created.Headers.Location?.PathAndQuery);
        }

        var (landing, cookie) = await FirstSignIn("sara", NewPassword);
        Assert.Equal("/staff", landing);
        Assert.Contains("id=\"console\"", await ChatApp.PageAs(client, "/staff", cookie));
        var sara = await App.Get<StaffAccounts>().Verify("sara", OwnPassword);
        Assert.Equal(("Sara på Stödcentrum", "stodcentrum"), (sara!.DisplayName, sara.Service));
        Assert.Equal([StaffRoles.Partner], sara.Roles);

        // She sits at Stödcentrum's desk, not in the counsellors' queue.
        await using var hub = await Counsellor.Connect(App, cookie);
        Assert.True((await hub.GoOnDuty(1)).Value().OnDuty);
        Assert.Equal("Stödcentrum", (await hub.Snapshot()).Value().Service);
    }

    [Fact]
    public async Task ACounsellorCreatedThroughTheFormCanGoOnDuty()
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        using (var created = await NewAccount(client, session, "ulla", "Ulla", "counsellor"))
            Assert.Equal("/staff/accounts?done=created", created.Headers.Location?.PathAndQuery);

        var (landing, cookie) = await FirstSignIn("ulla", NewPassword);
        Assert.Equal("/staff", landing);
        await using var ulla = await Counsellor.Connect(App, cookie);
        var duty = (await ulla.GoOnDuty(2)).Value();
        Assert.Equal((true, 2), (duty.OnDuty, duty.Capacity));
        Assert.Equal(("", StaffRoles.Counsellor), await Stored("ulla"));
    }

    [Theory]
    [InlineData("counsellor", new[] { StaffRoles.Counsellor }, "/staff")]
    [InlineData("counsellor-coordinator", new[] { StaffRoles.Counsellor, StaffRoles.Coordinator }, "/staff")]
    [InlineData("coordinator", new[] { StaffRoles.Coordinator }, "/staff/dashboard")]
    [InlineData("admin", new[] { StaffRoles.Admin, StaffRoles.Counsellor }, "/staff")]
    public async Task EachKindOfPersonGetsItsRolesAndLandsWhereItWorks(string kind, string[] roles, string landing)
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        // A service picked for someone who is not a partner's member is not kept.
        using (var created = await NewAccount(client, session, "kim", "Kim", kind, "stodcentrum"))
            Assert.Equal("/staff/accounts?done=created", created.Headers.Location?.PathAndQuery);

        Assert.Equal(("", string.Join(',', roles)), await Stored("kim"));
        var (landed, cookie) = await FirstSignIn("kim", NewPassword);
        Assert.Equal(landing, landed);
        using var page = await ChatApp.SendAs(client, HttpMethod.Get, landing, cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData(new[] { StaffRoles.Partner }, "/staff")]
    [InlineData(new[] { StaffRoles.Partner, StaffRoles.Coordinator }, "/staff")]
    [InlineData(new[] { StaffRoles.Coordinator, StaffRoles.Counsellor }, "/staff")]
    [InlineData(new[] { StaffRoles.Coordinator, StaffRoles.Admin }, "/staff/dashboard")]
    [InlineData(new[] { StaffRoles.Admin }, "/staff/accounts")]
    public async Task EveryMixOfRolesLandsOnAPageItMayOpen(string[] roles, string landing)
    {
        await App.Seeded();
        var service = roles.Contains(StaffRoles.Partner) ? "stodcentrum" : "";
        await App.Get<StaffAccounts>().Create("mix", "Mix", ChatApp.Password, roles, service: service);
        using var client = App.NewClient();

        var (landed, cookie) = await App.TrySignIn("mix", ChatApp.Password);

        Assert.Equal(landing, landed);
        using var page = await ChatApp.SendAs(client, HttpMethod.Get, landing, cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData(StaffRoles.Counsellor, "/staff")]
    [InlineData(StaffRoles.Coordinator, "/staff/directory")]
    public async Task SomeoneWhoIsNotAnAdminIsSentToSignInAndNothingIsCreated(string role, string ownPage)
    {
        await App.Seeded();
        await App.CreateStaff("ulla", role);
        var session = await App.SignIn("ulla");
        using var client = App.NewClient();

        foreach (var page in (string[])["/staff/accounts", "/staff/accounts/new"])
        {
            using var refused = await ChatApp.SendAs(client, HttpMethod.Get, page, session);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("http://localhost/staff/signin", refused.Headers.Location?.ToString());
        }

        // A valid token from a page this person may open, and the form an admin would send.
        var (cookies, token) = await ChatApp.FormToken(client, ownPage, session);
        using var post = await ChatApp.PostForm(client, "/staff/accounts/new", cookies, token, new()
        {
            ["_handler"] = "account", ["userName"] = "friend", ["displayName"] = "Friend", ["password"] = NewPassword, ["kind"] = "admin",
        }).Within(ChatApp.Timeout, "POST /staff/accounts/new");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("http://localhost/staff/signin", post.Headers.Location?.ToString());
        Assert.Equal(1, await StaffCount());
        Assert.Null(await App.Get<StaffAccounts>().Verify("friend", NewPassword));
    }

    [Fact]
    public async Task SomeoneNotSignedInIsSentToSignInAndNothingIsCreated()
    {
        await App.Seeded();
        using var client = App.NewClient();
        foreach (var page in (string[])["/staff/accounts", "/staff/accounts/new"])
        {
            using var response = await client.GetAsync(page).Within(ChatApp.Timeout, $"GET {page}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/staff/signin", response.Headers.Location?.ToString());
        }

        var (cookies, token) = await ChatApp.FormToken(client, "/staff/signin");
        using var post = await ChatApp.PostForm(client, "/staff/accounts/new", cookies, token, new()
        {
            ["_handler"] = "account", ["userName"] = "intruder", ["displayName"] = "X", ["password"] = NewPassword, ["kind"] = "admin",
        }).Within(ChatApp.Timeout, "POST /staff/accounts/new");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("http://localhost/staff/signin", post.Headers.Location?.ToString());
        Assert.Equal(0, await StaffCount());
    }

    public static TheoryData<string, string, string, string, string?, string> BadInput => new()
    {
        { "kim", "Kim", "kort", "counsellor", null, "Lösenordet behöver minst 12 tecken." },
        { "kim", "Kim", "en mening om kim och mig", "counsellor", null, "Lösenordet får inte innehålla ditt användarnamn eller ditt namn." },
        { "kim", "Kim", "Sommaren2024!", "counsellor", null, "Lösenordet är ett av dem som gissas först." },
        { "kim", "Kim", new string('x', 257), "counsellor", null, "Lösenordet får vara högst 256 tecken." },
        { "ki", "Kim", NewPassword, "counsellor", null, "Välj ett användarnamn på 3–32 tecken" },
        { "kim larsson", "Kim", NewPassword, "counsellor", null, "Välj ett användarnamn på 3–32 tecken" },
        { "kålle", "Kim", NewPassword, "counsellor", null, "Välj ett användarnamn på 3–32 tecken" },
        { "kim", "   ", NewPassword, "counsellor", null, "Skriv ett namn på 1–40 tecken, på en rad." },
        { "kim", "Kim", NewPassword, "", null, "Välj vad personen är." },
        { "kim", "Kim", NewPassword, "root", null, "Välj vad personen är." },
        { "kim", "Kim", NewPassword, "partner", "", "Välj vilken samarbetsverksamhet personen arbetar på." },
        { "kim", "Kim", NewPassword, "partner", "nowhere", "Verksamheten finns inte i katalogen eller tar inte emot överlämningar." },
        // 112 is in the directory but takes no handovers, so it has no desk for anyone to sit at.
        { "kim", "Kim", NewPassword, "partner", "112", "Verksamheten finns inte i katalogen eller tar inte emot överlämningar." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsShownBesideTheFieldInSwedishAndCreatesNothing(
        string userName, string displayName, string password, string kind, string? service, string expected)
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        using var response = await NewAccount(client, session, userName, displayName, kind, service, password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(html));
        Assert.Contains("class=\"field-error\"", html);
        Assert.Equal(1, await StaffCount());
        // What was typed comes back, except the password.
        var shown = HtmlForm.Parse(html, "account-form", "/staff/accounts/new", session);
        Assert.Equal((userName.Trim(), displayName, ""), (shown.Value("userName"), shown.Value("displayName"), shown.Value("password")));
        // (The page's texts, data for its modules, may hold any word: "kort" is in one.)
        var page = new HtmlParser().ParseDocument(html);
        page.QuerySelector("script#texts-default")?.Remove();
        Assert.DoesNotContain(password, page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task ATakenUserNameIsRefusedAndTheExistingAccountStaysAsItWas()
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);
        await App.CreateStaff("ulla");

        using var response = await NewAccount(client, session, "Ulla", "Someone else", "admin");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Det finns redan ett konto med det användarnamnet.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(2, await StaffCount());
        var ulla = await App.Get<StaffAccounts>().Verify("ulla", ChatApp.Password);
        Assert.Equal(("Name of ulla", StaffRoles.Counsellor), (ulla!.DisplayName, string.Join(',', ulla.Roles)));
        Assert.Null(await App.Get<StaffAccounts>().Verify("ulla", NewPassword));
    }

    [Fact]
    public async Task TypedTextIsShownAgainAsTextNeverAsHtml()
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        using var response = await NewAccount(client, session, "kim", "<script>alert(1)</script>", "counsellor", password: "kort");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Equal("<script>alert(1)</script>", HtmlForm.Parse(html, "account-form", "/staff/accounts/new", session).Value("displayName"));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedAndCreatesNothing()
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        var form = await Filled(client, session, "kim", "Kim", "counsellor");
        using (var forged = await form.Without("__RequestVerificationToken").Post(client))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, await StaffCount());

        // The same admin with the token may.
        using (var real = await NewAccount(client, session, "kim", "Kim", "counsellor"))
            Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(2, await StaffCount());
    }

    [Fact]
    public async Task TheListShowsEveryAccountInTheAdminsWordsAndNeverAPasswordHash()
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);
        using (await NewAccount(client, session, "sara", "Sara på Stödcentrum", "partner", "stodcentrum")) { }
        using (await NewAccount(client, session, "kim", "Kim", "counsellor-coordinator")) { }
        var redis = App.Get<RedisConnection>();
        var hashes = await Task.WhenAll(((string[])["ada", "kim", "sara"]).Select(async user =>
            (string)(await redis.Database.HashGetAsync(redis.Keys.StaffAccount(user), "hash"))!));

        using var response = await ChatApp.SendAs(client, HttpMethod.Get, "/staff/accounts?done=created", session);
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kontot skapades.", html);
        var rows = new HtmlParser().ParseDocument(raw).QuerySelectorAll("tbody tr")
            .Select(row => string.Join(" | ", row.Children.Take(5).Select(cell => cell.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "ada | Name of ada | administratör, kurator | – | Aktivt",
            "kim | Kim | kurator, samordnare | – | Ska välja nytt lösenord",
            "sara | Sara på Stödcentrum | personal på en samarbetsverksamhet | Stödcentrum | Ska välja nytt lösenord",
        ], rows);
        Assert.All(hashes, hash =>
        {
            Assert.True(hash.Length > 40);
            Assert.DoesNotContain(hash, raw);
            Assert.DoesNotContain(hash, html);
        });
    }

    [Fact]
    public async Task AnAccountOfAServiceRemovedFromTheDirectoryStillShowsByItsId()
    {
        await App.Seeded();
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);
        using (await NewAccount(client, session, "sara", "Sara", "partner", "anova")) { }
        await App.Get<ServiceDirectory>().Remove("anova");

        Assert.Contains("anova (finns inte längre i katalogen)", await ChatApp.PageAs(client, "/staff/accounts", session));
    }

    [Fact]
    public async Task TheNewAccountFormOffersOnlyServicesThatTakeHandovers()
    {
        await App.Seeded();
        var services = await App.Get<ServiceDirectory>().All().Within(ChatApp.Timeout);
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        var html = await ChatApp.PageAs(client, "/staff/accounts/new", session);

        Assert.Contains("<option value=\"stodcentrum\">Stödcentrum</option>", html);
        Assert.DoesNotContain("value=\"112\"", html);
        Assert.DoesNotContain("value=\"regionkoordinatorer\"", html);
        Assert.Equal(services.Count(AccountForm.HasMembers) + 1, html.Split("<option ").Length - 1);
    }

    [Fact]
    public async Task TheStaffNavigationLinksTheAccountsForAdminsOnly()
    {
        await App.CreateStaff("ulla", StaffRoles.Counsellor, StaffRoles.Coordinator);
        await App.CreateMember("sara", "stodcentrum");
        var (client, session) = await App.StaffClient("ada", StaffRoles.Admin, StaffRoles.Counsellor);

        Assert.Contains("href=\"/staff/accounts\"", await ChatApp.PageAs(client, "/staff", session));
        Assert.DoesNotContain("href=\"/staff/accounts\"", await ChatApp.PageAs(client, "/staff", await App.SignIn("ulla")));
        var sara = await ChatApp.PageAs(client, "/staff", await App.SignIn("sara"));
        Assert.DoesNotContain("href=\"/staff/accounts\"", sara);
        Assert.Contains("id=\"nav-console\"", sara);
    }

    // The new-account form as the page gives it, filled in as an admin would (a null service: left as it was).
    private static async Task<HtmlForm> Filled(
        HttpClient client, string session, string userName, string displayName, string kind, string? service = null, string password = NewPassword)
    {
        var form = await HtmlForm.Load(client, "/staff/accounts/new", "account-form", session);
        form.Set("userName", userName).Set("displayName", displayName).Set("password", password).Set("kind", kind);
        if (service is not null) form.Set("service", service);
        return form;
    }

    private static async Task<HttpResponseMessage> NewAccount(
        HttpClient client, string session, string userName, string displayName, string kind, string? service = null, string password = NewPassword) =>
        await (await Filled(client, session, userName, displayName, kind, service, password)).Post(client);

    // An account an admin made signs in first to the password page, sets its own password and then lands where it works.
    private async Task<(string? Landing, string Cookie)> FirstSignIn(string userName, string password)
    {
        var (landing, cookie) = await App.TrySignIn(userName, password);
        Assert.Equal("/staff/password", landing);
        return await App.ChangePassword(cookie, password, OwnPassword);
    }

    // The account as StaffAccounts.All reads it: its service and its roles, comma-separated.
    private async Task<(string Service, string Roles)> Stored(string userName)
    {
        var account = (await App.Get<StaffAccounts>().All().Within(ChatApp.Timeout)).Single(a => a.UserName == userName);
        return (account.Service, string.Join(',', account.Roles));
    }

    private async Task<long> StaffCount()
    {
        var redis = App.Get<RedisConnection>();
        return await redis.Database.SetLengthAsync(redis.Keys.StaffIndex).Within(ChatApp.Timeout);
    }
}
