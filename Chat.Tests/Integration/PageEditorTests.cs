using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Chat.Server.Content;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Coordinators write help pages through the real forms: create, save, preview, publish, translate, restore;
// conflicts between two of them, bad input and everyone else are refused and change nothing.
public sealed class PageEditorTests : ChatTest
{
    private HelpPages Pages => App.Get<HelpPages>();

    [Fact]
    public async Task ACoordinatorCreatesSavesPreviewsAndPublishesAndReadersGetExactlyThePreviewedVersion()
    {
        var (client, session) = await Coordinator("kim");

        var create = await HtmlForm.Load(client, "/staff/pages", "new-page-form", session);
        using (var opened = await create.Set("slug", "prov").Set("language", "sv").Post(client))
            Assert.Equal("/staff/pages/sv/prov", opened.Headers.Location?.PathAndQuery);
        Assert.Null(await Pages.Draft("sv", "prov")); // opening the editor saves nothing

        var edit = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        Assert.Equal("0", edit.Value("version"));
        using (var saved = await edit.Set("markdown", "# Prov\r\n\r\nRing [112](tel:112) eller läs [mer](/sv/i-fara-nu).\r\n").Set("do", "save").Post(client))
            Assert.Equal("/staff/pages/sv/prov?done=saved", saved.Headers.Location?.PathAndQuery);
        var draft = (await Pages.Draft("sv", "prov"))!;
        Assert.Equal((1, "Prov", "kim", false), (draft.Latest.Version, draft.Latest.Title, draft.Latest.SavedBy, draft.IsPublished));
        Assert.Equal("# Prov\n\nRing [112](tel:112) eller läs [mer](/sv/i-fara-nu).\n", draft.Latest.Markdown);

        var reopened = await HtmlForm.Load(client, "/staff/pages/sv/prov?done=saved", "page-form", session);
        using var previewed = await reopened.Set("do", "preview").Post(client);
        var previewHtml = await previewed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = Parse(previewHtml).QuerySelector("#preview article.help-page")!;
        Assert.Null(await Pages.Published("sv", "prov")); // previewing publishes nothing

        var fromPreview = HtmlForm.Parse(previewHtml, "page-form", "/staff/pages/sv/prov", reopened.Cookies);
        Assert.Equal("1", fromPreview.Value("version"));
        using (var published = await fromPreview.Set("do", "publish").Post(client))
            Assert.Equal("/staff/pages/sv/prov?done=published", published.Headers.Location?.PathAndQuery);

        var readers = (await Pages.Published("sv", "prov"))!;
        Assert.Equal(1, readers.Version);
        Assert.Equal(Parse($"<body>{PageRenderer.Render(readers.Markdown).Html}</body>").Body!.InnerHtml.Trim(), preview.InnerHtml.Trim());

        var list = Parse(await ChatApp.PageAs(client, "/staff/pages", session, decode: false));
        var row = list.QuerySelector("#page-sv-prov")!;
        Assert.Equal("Prov", row.QuerySelector("a[href='/staff/pages/sv/prov']")!.TextContent);
        Assert.Contains("Version 1", row.TextContent);
        Assert.Contains("/sv/prov", (await ChatApp.PageAs(client, "/staff/pages/sv/prov?done=published", session, decode: false)));
    }

    [Fact]
    public async Task TheSecondOfTwoCoordinatorsSavingTheSameVersionIsRefusedWithTheFirstOnesVersionAndNothingIsOverwritten()
    {
        await Pages.Save("sv", "prov", "# Prov\n\nförsta", 0, "anna");
        var (kimClient, kim) = await Coordinator("kim");
        var (loClient, lo) = await Coordinator("lova");
        var kimsForm = await HtmlForm.Load(kimClient, "/staff/pages/sv/prov", "page-form", kim);
        var losForm = await HtmlForm.Load(loClient, "/staff/pages/sv/prov", "page-form", lo);

        using (var first = await kimsForm.Set("markdown", "# Prov\n\nkims text").Set("do", "save").Post(kimClient))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await losForm.Set("markdown", "# Prov\n\nlos text").Set("do", "save").Post(loClient);
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var page = Parse(html);
        Assert.Contains("Någon annan har sparat sidan sedan du öppnade den. Ingenting skrevs över.", page.QuerySelector("#form-errors")!.TextContent);
        var theirs = page.QuerySelector("#their-version")!;
        Assert.Equal("# Prov\n\nkims text", theirs.QuerySelector("pre")!.TextContent);
        Assert.Matches(@"Version 2 sparades\s+\d{4}-\d\d-\d\d \d\d:\d\d av kim", theirs.TextContent);
        var kept = HtmlForm.Parse(html, "page-form", losForm.Page, losForm.Cookies);
        Assert.Equal("# Prov\n\nlos text", kept.Value("markdown"));
        Assert.Equal("1", kept.Value("version"));
        var history = await Pages.History("sv", "prov");
        Assert.Equal([2, 1], history.Select(v => v.Version));
        Assert.Equal("# Prov\n\nkims text", history[0].Markdown);

        // Having seen kim's version, lo may choose to save on top of it; kim's stays in the history.
        using (var over = await kept.Set("do", "save-over").Post(loClient))
            Assert.Equal("/staff/pages/sv/prov?done=saved", over.Headers.Location?.PathAndQuery);
        history = await Pages.History("sv", "prov");
        Assert.Equal([(3, "# Prov\n\nlos text", "lova"), (2, "# Prov\n\nkims text", "kim")], history.Take(2).Select(v => (v.Version, v.Markdown, v.SavedBy)));
    }

    [Fact]
    public async Task PublishingAVersionThatIsNoLongerTheLatestIsRefusedAndReadersKeepWhatTheyHad()
    {
        var v1 = await Pages.Save("sv", "prov", "# Prov\n\nett", 0, "anna");
        await Pages.Publish("sv", "prov", v1.Version);
        var (client, session) = await Coordinator("kim");
        var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        await Pages.Save("sv", "prov", "# Prov\n\ntvå", v1.Version, "anna");

        using var refused = await form.Set("do", "publish").Post(client);
        var page = Parse(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Någon annan har sparat sidan", page.QuerySelector("#form-errors")!.TextContent);
        Assert.Equal("# Prov\n\ntvå", page.QuerySelector("#their-version pre")!.TextContent);
        Assert.Null(page.QuerySelector("#save-over")); // nothing of this form to save over theirs: it was not changed
        Assert.Equal(1, (await Pages.Published("sv", "prov"))!.Version);
    }

    [Fact]
    public async Task PublishingOrUnpublishingWithUnsavedTextIsRefusedAndTheTextStaysAsTyped()
    {
        var v1 = await Pages.Save("sv", "prov", "# Prov\n\nett", 0, "anna");
        await Pages.Publish("sv", "prov", v1.Version);
        var (client, session) = await Coordinator("kim");

        foreach (var action in (string[])["publish", "unpublish"])
        {
            var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
            using var refused = await form.Set("markdown", "# Prov\n\nändrad men inte sparad").Set("do", action).Post(client);
            var html = await refused.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Texten i rutan är inte sparad.", Parse(html).QuerySelector("#markdown-error")!.TextContent);
            Assert.Equal("# Prov\n\nändrad men inte sparad", HtmlForm.Parse(html, "page-form", form.Page, form.Cookies).Value("markdown"));
        }
        Assert.Equal((1, 1), ((await Pages.Draft("sv", "prov"))!.Latest.Version, (await Pages.Published("sv", "prov"))!.Version));
    }

    [Fact]
    public async Task RestoringAnOldVersionSavesItsTextAsANewVersionAndPublishesNothing()
    {
        var v1 = await Pages.Save("sv", "prov", "# Prov\n\nden första texten", 0, "anna");
        var v2 = await Pages.Save("sv", "prov", "# Prov\n\nden andra texten", v1.Version, "anna");
        await Pages.Publish("sv", "prov", v2.Version);
        var (client, session) = await Coordinator("kim");

        var history = Parse(await ChatApp.PageAs(client, "/staff/pages/sv/prov/history?version=1", session, decode: false));
        Assert.Equal(["version-2", "version-1"], history.QuerySelectorAll("tbody tr").Select(r => r.Id));
        Assert.Contains("anna", history.QuerySelector("#version-1")!.TextContent);
        Assert.Equal("true", history.QuerySelector("#version-1")!.GetAttribute("aria-current"));
        Assert.Contains("Version 1 jämfört med en tom sida", history.QuerySelector("#changes-heading")!.TextContent);

        var restore = await HtmlForm.Load(client, "/staff/pages/sv/prov/history?version=1", "restore-form", session);
        using (var restored = await restore.Post(client))
            Assert.Equal("/staff/pages/sv/prov?done=restored", restored.Headers.Location?.PathAndQuery);

        var now = await Pages.History("sv", "prov");
        Assert.Equal((3, "# Prov\n\nden första texten", "kim"), (now[0].Version, now[0].Markdown, now[0].SavedBy));
        Assert.Equal(2, (await Pages.Published("sv", "prov"))!.Version);
        Assert.Contains("Den gamla texten är sparad som version 3", await ChatApp.PageAs(client, "/staff/pages/sv/prov?done=restored", session, decode: true));
    }

    [Fact]
    public async Task RestoringAfterSomeoneElseSavedIsAConflictAndNothingChanges()
    {
        var v1 = await Pages.Save("sv", "prov", "# Prov\n\nett", 0, "anna");
        await Pages.Save("sv", "prov", "# Prov\n\ntvå", v1.Version, "anna");
        var (client, session) = await Coordinator("kim");

        var restore = await HtmlForm.Load(client, "/staff/pages/sv/prov/history?version=1", "restore-form", session);
        await Pages.Save("sv", "prov", "# Prov\n\ntre", 2, "anna");
        using var refused = await restore.Post(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Någon annan har sparat sidan", Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#form-errors")!.TextContent);
        Assert.Equal([3, 2, 1], (await Pages.History("sv", "prov")).Select(v => v.Version));
        Assert.Equal("# Prov\n\ntre", (await Pages.Draft("sv", "prov"))!.Latest.Markdown);
    }

    [Fact]
    public async Task TheHistoryShowsWhatChangedLineByLineAndPageMarkupOnlyAsText()
    {
        var v1 = await Pages.Save("sv", "prov", "# Prov\n\nett\ntvå", 0, "anna");
        await Pages.Save("sv", "prov", "# Prov\n\nett\n<script>alert(1)</script>", v1.Version, "bo");
        var (client, session) = await Coordinator("kim");

        var history = Parse(await ChatApp.PageAs(client, "/staff/pages/sv/prov/history", session, decode: false));

        Assert.Contains("Version 2 jämfört med version 1", history.QuerySelector("#changes-heading")!.TextContent);
        Assert.Equal(["Borttagen rad: två"], history.QuerySelectorAll(".page-diff del").Select(e => e.TextContent));
        Assert.Equal(["Tillagd rad: <script>alert(1)</script>"], history.QuerySelectorAll(".page-diff ins").Select(e => e.TextContent));
        Assert.Empty(history.QuerySelectorAll("main script"));
        Assert.Null(history.QuerySelector("#restore-form")); // the newest is what the page already is
    }

    [Fact]
    public async Task HostileMarkdownIsSavedAsWrittenAndThePreviewShowsItAsText()
    {
        const string hostile = "# Prov\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klick](javascript:alert(3))";
        var (client, session) = await Coordinator("kim");

        var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (var saved = await form.Set("markdown", hostile).Set("do", "save").Post(client))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(hostile, (await Pages.Draft("sv", "prov"))!.Latest.Markdown);

        var again = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using var previewed = await again.Set("do", "preview").Post(client);
        var html = await previewed.Content.ReadAsStringAsync();
        var article = Parse(html).QuerySelector("#preview article")!;

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Empty(article.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(article.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on") || a.Value.Contains("javascript:")));
        Assert.Contains("<script>alert(1)</script>", article.TextContent);
        Assert.Equal(hostile, HtmlForm.Parse(html, "page-form", again.Page, again.Cookies).Value("markdown"));
    }

    [Fact]
    public async Task ALanguageVariantStartsFromTheTextToTranslateAndArabicIsWrittenRightToLeft()
    {
        await Pages.Save("sv", "prov", "# Prov\n\nsvensk text", 0, "anna");
        var (client, session) = await Coordinator("kim");

        var variant = await HtmlForm.Load(client, "/staff/pages/sv/prov", "variant-form", session);
        Assert.Equal(["en", "ar"], Parse(await ChatApp.PageAs(client, "/staff/pages/sv/prov", session, decode: false)).QuerySelectorAll("#variant-form option").Select(o => o.GetAttribute("value")));
        using (var started = await variant.Set("language", "ar").Post(client))
            Assert.Equal("/staff/pages/ar/prov?from=sv", started.Headers.Location?.PathAndQuery);
        Assert.Null(await Pages.Draft("ar", "prov"));

        var page = Parse(await ChatApp.PageAs(client, "/staff/pages/ar/prov?from=sv", session, decode: false));
        var textarea = (IHtmlTextAreaElement)page.QuerySelector("textarea#markdown")!;
        Assert.Equal(("ar", "rtl", "# Prov\n\nsvensk text"), (textarea.GetAttribute("lang"), textarea.GetAttribute("dir"), textarea.Value));
        Assert.Contains("hämtad från sidan på svenska", page.QuerySelector("#page-from")!.TextContent);

        var translate = await HtmlForm.Load(client, "/staff/pages/ar/prov?from=sv", "page-form", session);
        using (var saved = await translate.Set("markdown", "# تجربة\n\nنص عربي").Set("do", "save").Post(client, "/staff/pages/ar/prov"))
            Assert.Equal("/staff/pages/ar/prov?done=saved", saved.Headers.Location?.PathAndQuery);
        Assert.Equal(("تجربة", "kim"), ((await Pages.Draft("ar", "prov"))!.Latest.Title, (await Pages.Draft("ar", "prov"))!.Latest.SavedBy));
        Assert.Equal("# Prov\n\nsvensk text", (await Pages.Draft("sv", "prov"))!.Latest.Markdown);

        // The list shows the address once, Swedish first, and says which language is still missing.
        var rows = Parse(await ChatApp.PageAs(client, "/staff/pages", session, decode: false)).QuerySelectorAll("tr[id$='-prov']").Select(r => r.Id).ToList();
        Assert.Equal(["page-sv-prov", "page-ar-prov"], rows);
        Assert.Contains("Finns inte på engelska.", Parse(await ChatApp.PageAs(client, "/staff/pages", session, decode: false)).QuerySelector("#page-sv-prov")!.TextContent);
    }

    [Fact]
    public async Task PublishingThroughTheFormDropsTheCachedCopyOnThisNodeAndTheOther()
    {
        var other = Own(new ChatApp(RedisServer.Shared.Endpoint, keyPrefix: App.KeyPrefix));
        await App.Seeded();
        await other.Seeded();
        var v1 = await Pages.Save("sv", "prov", "# Prov\n\nett", 0, "anna");
        await Pages.Publish("sv", "prov", v1.Version);
        await Pages.Save("sv", "prov", "# Prov\n\ntvå", v1.Version, "anna");
        var builds = 0;
        Task<string?> Read(ChatApp node) => node.Get<PageCache>().GetOrAdd("sv", "prov", "", async () =>
        {
            Interlocked.Increment(ref builds);
            return await node.Get<HelpPages>().Published("sv", "prov") is { } p ? PageRenderer.Render(p.Markdown).Html : null;
        });
        Assert.Contains("ett", await Read(App));
        Assert.Contains("ett", await Read(other));
        Assert.Contains("ett", await Read(App)); // kept: nobody said it changed
        Assert.Equal(2, builds);

        var (client, session) = await Coordinator("kim");
        var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (var published = await form.Set("do", "publish").Post(client))
            Assert.Equal("/staff/pages/sv/prov?done=published", published.Headers.Location?.PathAndQuery);

        Assert.Contains("två", await Read(App));
        Assert.Equal(3, builds);
        await HubEvents.Eventually(async () => (await Read(other))?.Contains("två") == true, "the other node dropping its copy");

        // Unpublishing drops it too: the next reader finds nothing.
        var again = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (var unpublished = await again.Set("do", "unpublish").Post(client))
            Assert.Equal("/staff/pages/sv/prov?done=unpublished", unpublished.Headers.Location?.PathAndQuery);
        Assert.Null(await Pages.Published("sv", "prov"));
        Assert.Null(await Read(App));
        await HubEvents.Eventually(async () => await Read(other) is null, "the other node dropping the unpublished page");
    }

    public static TheoryData<string, string, string> BadNewPages => new()
    {
        { "../prov", "sv", "Adressen skrivs med små bokstäver a–z" },
        { "Prov", "sv", "Adressen skrivs med små bokstäver a–z" },
        { "prоv", "sv", "Adressen skrivs med små bokstäver a–z" }, // a Cyrillic о
        { "pröv", "sv", "Adressen skrivs med små bokstäver a–z" },
        { "prov sida", "sv", "Adressen skrivs med små bokstäver a–z" },
        { "", "sv", "Adressen skrivs med små bokstäver a–z" },
        { "prov", "de", "Välj ett av språken i listan." },
        { "prov", "../sv", "Välj ett av språken i listan." },
    };

    [Theory]
    [MemberData(nameof(BadNewPages))]
    public async Task ANewPageWithABadAddressOrLanguageIsRefusedInSwedishAndNothingIsSaved(string slug, string language, string expected)
    {
        var (client, session) = await Coordinator("kim");

        var form = await HtmlForm.Load(client, "/staff/pages", "new-page-form", session);
        using var refused = await form.Set("slug", slug).Set("language", language).Post(client);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(expected, Parse(html).QuerySelector(".field-error")!.TextContent);
        Assert.Equal(slug, HtmlForm.Parse(html, "new-page-form", form.Page, form.Cookies).Value("slug"));
        Assert.DoesNotContain(await Pages.All(), p => p.Slug == slug || p.Language == language && language != "sv");
    }

    [Fact]
    public async Task ANewPageAtAnAddressThatExistsIsRefused()
    {
        await Pages.Save("sv", "prov", "# Prov", 0, "anna");
        var (client, session) = await Coordinator("kim");

        var form = await HtmlForm.Load(client, "/staff/pages", "new-page-form", session);
        using var refused = await form.Set("slug", "prov").Set("language", "sv").Post(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Det finns redan en sida med den adressen", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    public static TheoryData<string, string> BadTexts => new()
    {
        { "# Prov\n\n" + new string('a', 40_000), "Sidan är för lång: den får vara högst 40000 tecken. Ingenting sparades." },
        { "Ingen rubrik här\n\nbara text", "Sidan saknar rubrik. Sidans första rad är dess rubrik, skriven ”# Rubrik”" },
        { "## Bara en underrubrik", "Sidan saknar rubrik." },
        { "# Prov\n\nett \u0007 pip", "Texten innehåller tecken som inte går att spara" },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task ABadTextIsRefusedBesideTheFieldKeptAsTypedAndNothingIsSaved(string markdown, string expected)
    {
        await Pages.Save("sv", "prov", "# Prov\n\nsom förut", 0, "anna");
        var (client, session) = await Coordinator("kim");

        var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using var refused = await form.Set("markdown", markdown).Set("do", "save").Post(client);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(expected, Parse(html).QuerySelector("#markdown-error")!.TextContent);
        Assert.Equal(markdown, HtmlForm.Parse(html, "page-form", form.Page, form.Cookies).Value("markdown"));
        Assert.Equal([1], (await Pages.History("sv", "prov")).Select(v => v.Version));
    }

    [Fact]
    public async Task AnEnormousPageIsNotEvenPreviewed()
    {
        var (client, session) = await Coordinator("kim");
        var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);

        using var refused = await form.Set("markdown", "# Prov\n\n" + new string('a', 40_000)).Set("do", "preview").Post(client);
        var page = Parse(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Null(page.QuerySelector("#preview"));
        Assert.Contains("högst 40000 tecken", page.QuerySelector("#markdown-error")!.TextContent);
    }

    [Fact]
    public async Task APageInALanguageThatIsNotConfiguredIsRefusedAndNothingIsSaved()
    {
        await Pages.Save("sv", "prov", "# Prov", 0, "anna");
        var (client, session) = await Coordinator("kim");

        // Opened by hand, the address says why it cannot be a page.
        foreach (var path in (string[])["/staff/pages/de/prov", "/staff/pages/de/prov/history"])
        {
            using var opened = await ChatApp.SendAs(client, HttpMethod.Get, path, session);
            Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
            Assert.Contains("Välj ett av språken i listan.", WebUtility.HtmlDecode(await opened.Content.ReadAsStringAsync()));
            Assert.Null(Parse(await opened.Content.ReadAsStringAsync()).QuerySelector("#page-form"));
        }

        // A form posted there anyway is refused.
        var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (var refused = await form.Set("markdown", "# Prüfung").Set("version", "0").Set("do", "save").Post(client, "/staff/pages/de/prov"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Välj ett av språken i listan.", Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#form-errors")!.TextContent);
        }

        // A language variant in a language that is not configured, or one that exists, is refused too.
        foreach (var (language, expected) in (ValueTuple<string, string>[])[("de", "Välj ett av språken i listan."), ("sv", "Det finns redan en sida med den adressen")])
        {
            var variant = await HtmlForm.Load(client, "/staff/pages/sv/prov", "variant-form", session);
            using var refused = await variant.Set("language", language).Post(client);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(expected, Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#language-error")!.TextContent);
        }
        Assert.DoesNotContain(await Pages.All(), p => p.Language == "de");
        Assert.Equal([1], (await Pages.History("sv", "prov")).Select(v => v.Version));
    }

    [Fact]
    public async Task ACounsellorWithoutTheCoordinatorRoleIsSentToSignInAndNothingChanges()
    {
        var v1 = await Pages.Save("sv", "prov", "# Prov\n\nett", 0, "anna");
        await Pages.Publish("sv", "prov", v1.Version);
        await App.CreateStaff("ulla", StaffRoles.Counsellor);
        var session = await App.SignIn("ulla");
        using var client = App.NewClient();

        foreach (var page in (string[])["/staff/pages", "/staff/pages/sv/prov", "/staff/pages/sv/prov/history", "/staff/pages/sv/ny"])
        {
            using var refused = await ChatApp.SendAs(client, HttpMethod.Get, page, session);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("http://localhost/staff/signin", refused.Headers.Location?.ToString());
        }

        // A valid token from the console page the counsellor may open, and the forms a coordinator would send.
        var (cookies, token) = await ChatApp.FormToken(client, "/staff", session);
        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/staff/pages/sv/prov", new() { ["_handler"] = "page", ["markdown"] = "# Kapad", ["version"] = "1", ["do"] = "save" }),
            ("/staff/pages/sv/prov", new() { ["_handler"] = "page", ["markdown"] = "# Prov\n\nett", ["version"] = "1", ["do"] = "unpublish" }),
            ("/staff/pages/sv/ny", new() { ["_handler"] = "page", ["markdown"] = "# Ny", ["version"] = "0", ["do"] = "save" }),
            ("/staff/pages/sv/prov/history", new() { ["_handler"] = "restore", ["version"] = "1", ["expected"] = "1" }),
            ("/staff/pages", new() { ["_handler"] = "new-page", ["slug"] = "ny", ["language"] = "sv" }),
        };
        foreach (var (path, fields) in posts)
        {
            using var post = await ChatApp.PostForm(client, path, cookies, token, fields).Within(ChatApp.Timeout);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.StartsWith("http://localhost/staff/signin", post.Headers.Location?.ToString());
        }
        Assert.Equal([1], (await Pages.History("sv", "prov")).Select(v => v.Version));
        Assert.Equal(1, (await Pages.Published("sv", "prov"))!.Version);
        Assert.Null(await Pages.Draft("sv", "ny"));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefusedAndSavesNothing()
    {
        await Pages.Save("sv", "prov", "# Prov", 0, "anna");
        var (client, session) = await Coordinator("kim");

        var form = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using var refused = await form.Without("__RequestVerificationToken").Set("markdown", "# Förfalskad").Set("do", "save").Post(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([1], (await Pages.History("sv", "prov")).Select(v => v.Version));
    }

    [Fact]
    public async Task TheStaffNavigationLinksTheHelpPagesForCoordinatorsAndAdminsOnly()
    {
        await App.CreateStaff("ulla", StaffRoles.Counsellor);
        await App.CreateStaff("ada", StaffRoles.Admin, StaffRoles.Counsellor);
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        using var client = App.NewClient();

        Assert.DoesNotContain("href=\"/staff/pages\"", await ChatApp.PageAs(client, "/staff", await App.SignIn("ulla"), decode: false));
        Assert.Contains("href=\"/staff/pages\"", await ChatApp.PageAs(client, "/staff", await App.SignIn("ada"), decode: false));
        Assert.Contains("href=\"/staff/pages\"", await ChatApp.PageAs(client, "/staff/pages", await App.SignIn("kim"), decode: false));
    }

    private async Task<(HttpClient Client, string Session)> Coordinator(string name)
    {
        var (client, session) = await App.StaffClient(name, StaffRoles.Coordinator);
        return (Own(new OwnedClient(client)).Client, session);
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    // An HttpClient disposed with the test.
    private sealed class OwnedClient(HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public ValueTask DisposeAsync()
        {
            Client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
