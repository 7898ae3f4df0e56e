using System.Net;
using Chat.Server.Handover;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// The service directory through its real pages: seeded once, kept by coordinators, refused to everyone else.
public sealed class DirectoryTests : ChatTest
{
    [Fact]
    public async Task TheDirectoryStartsWithEveryServiceOfTheReferenceList()
    {
        var services = await Seeded(App);

        Assert.Equal(18, services.Count);
        Assert.Equal(DirectorySeed.Load().Select(s => s.Id).Order(), services.Select(s => s.Id).Order());
        Assert.All(services, s => Assert.Equal("", s.Contact));
        Assert.All(services, s => Assert.False(s.Hours.IsKnown));
    }

    [Fact]
    public async Task TwoNodesStartingTogetherSeedTheDirectoryOnce()
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        var first = Own(new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: prefix));
        var second = Own(new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: prefix));

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server)).Within(ChatApp.Timeout * 3, "two nodes start");
        var outcomes = await Task.WhenAll(SeedOutcome(first), SeedOutcome(second));

        Assert.Equal(["already there", "seeded"], outcomes.Order());
        Assert.Equal(18, (await first.Get<ServiceDirectory>().All()).Count);
    }

    [Fact]
    public async Task ANodeStartingLaterLeavesTheCoordinatorsChangesAlone()
    {
        await Seeded(App);
        var kast = (await App.Get<ServiceDirectory>().Find("kast"))!;
        await App.Get<ServiceDirectory>().Save(kast with { Contact = "Ring 08-000 00 00" });

        var later = Own(new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: App.KeyPrefix));
        Assert.Equal("already there", await SeedOutcome(later));
        Assert.Equal("Ring 08-000 00 00", (await later.Get<ServiceDirectory>().Find("kast"))!.Contact);
    }

    [Fact]
    public async Task ACoordinatorEditsAServiceThroughTheFormAndTheOtherNodeSeesIt()
    {
        var before = (await Seeded(App)).Single(s => s.Id == "stodcentrum");
        var other = Own(new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: App.KeyPrefix));
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        var session = await App.SignIn("kim");
        using var client = App.NewClient();

        var form = await HtmlForm.Load(client, "/staff/directory/stodcentrum", "service-form", session);
        form.Set("contact", "Telefon 08-508 00 000\nwww.example.se")
            .Set("receives", "live")
            .Set("hoursKnown", "yes")
            .Set("day0", "open").Set("from0", "08:00").Set("to0", "17:00")
            .Set("day6", "always");
        using var response = await form.Post(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/directory?done=saved", response.Headers.Location?.PathAndQuery);
        var seen = (await other.Get<ServiceDirectory>().Find("stodcentrum"))!;
        Assert.Equal("Telefon 08-508 00 000\nwww.example.se", seen.Contact);
        Assert.Equal(HandoverMode.Live, seen.Receives);
        Assert.Equal(new DayHours(8 * 60, 17 * 60), seen.Hours.On(DayOfWeek.Monday));
        Assert.Null(seen.Hours.On(DayOfWeek.Tuesday));
        Assert.Equal(DayHours.AroundTheClock, seen.Hours.On(DayOfWeek.Sunday));
        // Everything the form did not change came back as it was.
        Assert.Equal((before.Name, before.Offers, before.ForWhom, before.MinAge, before.MaxAge, before.OnlyWhen),
            (seen.Name, seen.Offers, seen.ForWhom, seen.MinAge, seen.MaxAge, seen.OnlyWhen));
        Assert.Equal(before.Topics, seen.Topics);
        Assert.Equal(before.Languages, seen.Languages);

        // The other node's pages show it too, as text.
        using var otherClient = other.NewClient();
        var list = await ChatApp.PageAs(otherClient, "/staff/directory", session);
        Assert.Contains("Stödcentrum", list);
        var edit = await HtmlForm.Load(otherClient, "/staff/directory/stodcentrum", "service-form", session);
        Assert.Equal("live", edit.Value("receives"));
        Assert.Equal(["open", "08:00", "17:00"], [edit.Value("day0"), edit.Value("from0"), edit.Value("to0")]);
    }

    [Fact]
    public async Task ACoordinatorAddsAServiceAndRemovesItAfterConfirming()
    {
        await Seeded(App);
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        var session = await App.SignIn("kim");
        using var client = App.NewClient();

        var form = await HtmlForm.Load(client, "/staff/directory/new", "service-form", session);
        form.Set("name", "Talita").Set("forWhom", "Kvinnor som utsatts för prostitution").Set("minAge", "18")
            .Set("topics", "sex-for-compensation", "exploitation").Set("languages", "sv", "en").Set("receives", "code");
        using (var added = await form.Post(client))
            Assert.Equal("/staff/directory?done=added", added.Headers.Location?.PathAndQuery);
        var talita = (await App.Get<ServiceDirectory>().Find("talita"))!;
        Assert.Equal((18, (int?)null, HandoverMode.ByCode), (talita.MinAge!.Value, talita.MaxAge, talita.Receives));
        Assert.Equal(["sex-for-compensation", "exploitation"], talita.Topics);

        // The same name again would take the same id: refused, the first stays as it was.
        var again = await HtmlForm.Load(client, "/staff/directory/new", "service-form", session);
        using (var refused = await again.Set("name", "Talita").Set("forWhom", "någon annan").Post(client))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Det finns redan en tjänst med det namnet", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }
        Assert.Equal("Kvinnor som utsatts för prostitution", (await App.Get<ServiceDirectory>().Find("talita"))!.ForWhom);

        var confirm = await HtmlForm.Load(client, "/staff/directory/talita/remove", "remove-form", session);
        Assert.Contains("Ta bort Talita?", await ChatApp.PageAs(client, "/staff/directory/talita/remove", session));
        using (var removed = await confirm.Post(client))
            Assert.Equal("/staff/directory?done=removed", removed.Headers.Location?.PathAndQuery);
        Assert.Null(await App.Get<ServiceDirectory>().Find("talita"));
        Assert.Equal(18, (await App.Get<ServiceDirectory>().All()).Count);
    }

    [Fact]
    public async Task SavingAServiceSomeoneRemovedMeanwhileIsRefusedAndDoesNotBringItBack()
    {
        await Seeded(App);
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        var session = await App.SignIn("kim");
        using var client = App.NewClient();

        var form = await HtmlForm.Load(client, "/staff/directory/anova", "service-form", session);
        await App.Get<ServiceDirectory>().Remove("anova");
        using var response = await form.Set("contact", "ny").Post(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tjänsten finns inte längre i katalogen", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(await App.Get<ServiceDirectory>().Find("anova"));
    }

    [Fact]
    public async Task ACounsellorWithoutTheCoordinatorRoleIsSentToSignInAndNothingChanges()
    {
        var before = (await Seeded(App)).Single(s => s.Id == "kast").ToJson();
        await App.CreateStaff("ulla", StaffRoles.Counsellor);
        var session = await App.SignIn("ulla");
        using var client = App.NewClient();

        foreach (var page in (string[])["/staff/directory", "/staff/directory/new", "/staff/directory/kast", "/staff/directory/kast/remove"])
        {
            using var refused = await ChatApp.SendAs(client, HttpMethod.Get, page, session);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("http://localhost/staff/signin", refused.Headers.Location?.ToString());
        }

        // A valid token from the console page the counsellor may open, and the form a coordinator would send.
        var (cookies, token) = await ChatApp.FormToken(client, "/staff", session);
        foreach (var (page, handler) in (ValueTuple<string, string>[])[("/staff/directory/kast", "service"), ("/staff/directory/kast/remove", "remove")])
        {
            using var post = await ChatApp.PostForm(client, page, cookies, token, new()
            {
                ["_handler"] = handler, ["name"] = "KAST", ["receives"] = "none", ["contact"] = "hijacked", ["hoursKnown"] = "no",
            });
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("http://localhost/staff/signin", post.Headers.Location?.ToString());
        }
        Assert.Equal(before, (await App.Get<ServiceDirectory>().Find("kast"))!.ToJson());
    }

    [Fact]
    public async Task SomeoneNotSignedInIsSentToSignIn()
    {
        await Seeded(App);
        using var client = App.NewClient();
        using var response = await client.GetAsync("/staff/directory").Within(ChatApp.Timeout);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/staff/signin", response.Headers.Location?.ToString());
    }

    public static TheoryData<string, string[], string> BadInput => new()
    {
        { "minAge", ["22"], "Den lägsta åldern kan inte vara högre än den högsta." },
        { "maxAge", ["tjugo"], "Skriv en ålder från 0 till 99 i hela år" },
        { "minAge", ["-1"], "Skriv en ålder från 0 till 99 i hela år" },
        { "topics", ["sexual-abuse", "gambling"], "Välj bara bland ämnena i listan." },
        { "languages", ["fi"], "Välj bara bland språken i listan." },
        { "name", ["   "], "Skriv ett namn på 1–80 tecken, på en rad." },
        { "name", [new string('x', 81)], "Skriv ett namn på 1–80 tecken, på en rad." },
        { "contact", [new string('x', 501)], "Kontaktuppgifterna får vara högst 500 tecken" },
        { "offers", ["bell\u0007"], "Texten får vara högst 1000 tecken, utan kontrolltecken." },
        { "receives", ["sometimes"], "Välj hur tjänsten tar emot överlämningar." },
        { "day2", ["open"], "Ange när det öppnar och stänger" }, // hours known, Wednesday open with no times
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsShownBesideTheFormInSwedishAndChangesNothing(string field, string[] values, string expected)
    {
        var before = (await Seeded(App)).Single(s => s.Id == "stodcentrum").ToJson();
        await App.CreateStaff("ada", StaffRoles.Admin);
        var session = await App.SignIn("ada");
        using var client = App.NewClient();

        var form = await HtmlForm.Load(client, "/staff/directory/stodcentrum", "service-form", session);
        using var response = await form.Set("hoursKnown", "yes").Set(field, values).Post(client);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(html));
        Assert.Contains("class=\"field-error\"", html);
        Assert.Equal(before, (await App.Get<ServiceDirectory>().Find("stodcentrum"))!.ToJson());
    }

    [Fact]
    public async Task TypedTextIsShownAgainAsTextNeverAsHtml()
    {
        await Seeded(App);
        await App.CreateStaff("ada", StaffRoles.Admin);
        var session = await App.SignIn("ada");
        using var client = App.NewClient();

        var form = await HtmlForm.Load(client, "/staff/directory/stodcentrum", "service-form", session);
        using var refused = await form.Set("name", "<script>alert(1)</script>").Set("minAge", "30").Post(client);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        var shown = HtmlForm.Parse(html, "service-form", form.Page, form.Cookies);
        Assert.Equal("<script>alert(1)</script>", shown.Value("name"));
        Assert.Equal("30", shown.Value("minAge"));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var before = (await Seeded(App)).Single(s => s.Id == "kast").ToJson();
        await App.CreateStaff("ada", StaffRoles.Admin);
        var session = await App.SignIn("ada");
        using var client = App.NewClient();

        var form = await HtmlForm.Load(client, "/staff/directory/kast", "service-form", session);
        using var response = await form.Without("__RequestVerificationToken").Set("contact", "forged").Post(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await App.Get<ServiceDirectory>().Find("kast"))!.ToJson());

        // The same admin with the token may edit.
        var real = await HtmlForm.Load(client, "/staff/directory/kast", "service-form", session);
        using (var saved = await real.Set("contact", "Ring 08-000 00 00").Post(client))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Ring 08-000 00 00", (await App.Get<ServiceDirectory>().Find("kast"))!.Contact);
    }

    [Fact]
    public async Task TheStaffNavigationLinksTheDirectoryForCoordinatorsAndAdminsOnly()
    {
        await App.CreateStaff("ulla", StaffRoles.Counsellor);
        await App.CreateStaff("ada", StaffRoles.Admin, StaffRoles.Counsellor);
        using var client = App.NewClient();

        Assert.DoesNotContain("href=\"/staff/directory\"", await ChatApp.PageAs(client, "/staff", await App.SignIn("ulla")));
        Assert.Contains("href=\"/staff/directory\"", await ChatApp.PageAs(client, "/staff", await App.SignIn("ada")));
    }

    [Fact]
    public async Task ACoordinatorWithoutTheCounsellorRoleLandsOnTheDashboard()
    {
        await Seeded(App);
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        using var client = App.NewClient();
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/signin");
        using var response = await ChatApp.PostForm(client, "/staff/auth/signin", cookies, token, new() { ["userName"] = "kim", ["password"] = ChatApp.Password });
        Assert.Equal("/staff/dashboard", response.Headers.Location?.ToString());
    }

    private static async Task<IReadOnlyList<PartnerService>> Seeded(ChatApp app)
    {
        await app.Seeded();
        return await app.Get<ServiceDirectory>().All().Within(ChatApp.Timeout);
    }

    // What this node's seeder did, from its log line.
    private static async Task<string> SeedOutcome(ChatApp app)
    {
        _ = app.Server;
        var deadline = DateTime.UtcNow + ChatApp.Timeout;
        while (true)
        {
            var lines = app.Logs.Lines;
            if (lines.Any(l => l.Contains("The service directory was seeded with 18 services"))) return "seeded";
            if (lines.Any(l => l.Contains("The service directory already exists"))) return "already there";
            Assert.True(DateTime.UtcNow < deadline, "the seeder said nothing");
            await Task.Delay(20);
        }
    }
}
