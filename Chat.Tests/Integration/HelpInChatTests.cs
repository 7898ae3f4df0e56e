using System.Net;
using AngleSharp.Html.Parser;
using Chat.Server.Content;
using Chat.Server.Conversations;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Help pages inside the chat: a counsellor sends one as a card, and the young person's page reads its article
// from /help-article without leaving the chat.
public sealed class HelpInChatTests : ChatTest
{
    private const string DangerTitle = "Om du är i fara nu";

    // The seed is published as the app starts.
    private async Task<HelpPages> Seeded()
    {
        await App.Seeded();
        return App.Get<HelpPages>();
    }

    private async Task<IReadOnlyList<ChatMessage>> Transcript(string id) => (await App.Get<ConversationStore>().Read(id, 0)).Messages;

    private async Task<(Youth Youth, Counsellor Counsellor, string Id)> Matched()
    {
        var (youth, counsellor, id) = await Youth.Matched(App);
        return (Own(youth), Own(counsellor), id);
    }

    [Fact]
    public async Task ACounsellorSendsAPageAndTheYoungPersonSeesItsTitleAndAddress()
    {
        await Seeded();
        var (youth, counsellor, id) = await Matched();

        var sent = (await counsellor.SendPage(id, "sv", "i-fara-nu", "page-1")).Value();

        var card = await youth.Next("page");
        Assert.Equal(("counsellor", "Name of ulla", DangerTitle, "sv/i-fara-nu", sent.Seq),
            (card.From, card.Name, card.Text, card.Page, card.Seq));
        var seen = await NextStaffPage(counsellor);
        Assert.Equal((id, "sv/i-fara-nu", ChatMessage.StaffTag("ulla")), (seen.ConversationId, seen.Message.Page, seen.Message.StaffId));
        // A retry with the same id stores nothing new; the transcript keeps the page for a reload.
        Assert.Equal(sent.Seq, (await counsellor.SendPage(id, "sv", "i-fara-nu", "page-1")).Value().Seq);
        var reloaded = Own(await Youth.Connect(App));
        var resumed = (await reloaded.Resume(youth.LastToken, afterSeq: 0, takeOver: true)).Value();
        Assert.Single(resumed.Messages, m => m.Kind == "page" && m.Page == "sv/i-fara-nu" && m.Text == DangerTitle);
    }

    public static TheoryData<string?, string?, string> BadPages => new()
    {
        { "sv", "finns-inte", "unknown-page" },
        { "ar", "utkast", "unknown-page" },     // saved in Swedish only
        { "sv", "utkast", "unknown-page" },     // saved, never published
        { "sv", "../x", "invalid-slug" },
        { "sv", "I-fara-nu", "invalid-slug" },
        { "sv", "i-fаra-nu", "invalid-slug" },  // a Cyrillic а
        { "sv", null, "invalid-slug" },
        { "de", "i-fara-nu", "invalid-language" },
        { "SV", "i-fara-nu", "invalid-language" },
        { null, "i-fara-nu", "invalid-language" },
    };

    [Theory]
    [MemberData(nameof(BadPages))]
    public async Task AnUnknownUnpublishedOrMalformedPageIsRefusedAndNothingIsAppended(string? language, string? slug, string code)
    {
        var pages = await Seeded();
        await pages.Save("sv", "utkast", "# Utkast\n\nInte klar än.", 0, "anna");
        var (youth, counsellor, id) = await Matched();
        var before = (await Transcript(id)).Count;

        (await counsellor.SendPage(id, language, slug)).Refused(code);

        Assert.Equal(before, (await Transcript(id)).Count);
        Assert.Equal(before + 1, (await counsellor.Send(id, "efteråt")).Value().Seq);
        Assert.Equal("efteråt", (await youth.Next("text", "counsellor")).Text);
        Assert.DoesNotContain(youth.Messages.Received, m => m.Kind == "page");
    }

    [Fact]
    public async Task AnUnpublishedPageCanNoLongerBeSent()
    {
        var pages = await Seeded();
        var (_, counsellor, id) = await Matched();
        await pages.Unpublish("sv", "integritet");
        (await counsellor.SendPage(id, "sv", "integritet")).Refused("unknown-page");
        Assert.DoesNotContain(await Transcript(id), m => m.Kind == "page");
    }

    [Fact]
    public async Task APageCanOnlyBeSentIntoAChatOneIsIn()
    {
        await Seeded();
        var (youth, counsellor, id) = await Matched();
        var colleague = Own(await Counsellor.SignIn(App, "bert"));
        (await colleague.GoOnDuty(1)).Value();
        var waiting = Own(await Youth.Connect(App));
        (await waiting.Start()).Value();
        var waitingId = (await colleague.QueueOf(1))[0].ConversationId;

        (await colleague.SendPage(id, "sv", "i-fara-nu")).Refused("not-your-conversation");
        (await counsellor.SendPage(waitingId, "sv", "i-fara-nu")).Refused("not-your-conversation");
        (await counsellor.SendPage("0123456789abcdef01234567", "sv", "i-fara-nu")).Refused("unknown-conversation");
        (await counsellor.SendPage("../x", "sv", "i-fara-nu")).Refused("invalid-conversation-id");
        (await counsellor.End(id)).Value();
        (await counsellor.SendPage(id, "sv", "i-fara-nu")).Refused("not-active");

        Assert.DoesNotContain(await Transcript(id), m => m.Kind == "page");
        Assert.DoesNotContain(await Transcript(waitingId), m => m.Kind == "page");
        Assert.DoesNotContain(youth.Messages.Received, m => m.Kind == "page");
    }

    [Fact]
    public async Task APartnersMemberWhoJoinedTheChatMaySendAPageToo()
    {
        await Seeded();
        await Handovers.Live(App, "stodcentrum");
        var member = Own(await Counsellor.SignInMember(App, "sara", "stodcentrum"));
        (await member.GoOnDuty(1)).Value();
        var (youth, counsellor, id) = await Matched();
        var offer = (await counsellor.ProposeHandover(id, "stodcentrum", "Vill ha stöd.", "16-17")).Value();
        (await youth.AnswerHandover(offer.Id, accept: true)).Value();
        await member.HandoversOf(1);
        (await member.TakeHandover(id)).Value();

        (await member.SendPage(id, "en", "i-fara-nu")).Value();

        var card = await youth.Next("page");
        Assert.Equal(("Name of sara", "Stödcentrum", "en/i-fara-nu"), (card.Name, card.Service, card.Page));
        Assert.Equal("en/i-fara-nu", (await counsellor.Next("page")).Page);
    }

    [Fact]
    public async Task TheConsoleListsThePublishedPagesOnly()
    {
        var pages = await Seeded();
        await pages.Save("sv", "utkast", "# Utkast", 0, "anna");
        var counsellor = Own(await Counsellor.SignIn(App, "ulla"));

        var listed = (await counsellor.Pages()).Value();

        Assert.Contains(new HelpPageSummary("sv", "i-fara-nu", DangerTitle), listed);
        Assert.Contains(listed, p => p is { Language: "en", Slug: "i-fara-nu" });
        Assert.DoesNotContain(listed, p => p.Slug == "utkast");
        // The seed, and "where else you can turn" in each language (made from the directory, never stored).
        Assert.Equal(ContentSeed.Load().Count + 3, listed.Count);
        Assert.Contains(new HelpPageSummary("sv", "vart-kan-jag-vanda-mig", "Vart kan jag vända mig?"), listed);
    }

    [Fact]
    public async Task WhereElseYouCanTurnCanBeSentAndReadInTheChat()
    {
        await Seeded();
        var (youth, counsellor, id) = await Youth.Matched(App);
        await using var _1 = youth;
        await using var _2 = counsellor;
        (await counsellor.SendPage(id, "sv", "vart-kan-jag-vanda-mig")).Value();
        var card = await youth.Next("page");
        Assert.Equal(("Vart kan jag vända mig?", "sv/vart-kan-jag-vanda-mig"), (card.Text, card.Page));

        using var client = App.NewClient();
        using var response = await client.GetAsync("/help-article/sv/vart-kan-jag-vanda-mig");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = await response.Content.ReadAsStringAsync();
        Assert.Contains("Stödcentrum", article);
        Assert.Contains("112", article);
    }

    [Fact]
    public async Task TheArticleIsServedAsAFragmentWithOnlyTheRenderersHtml()
    {
        await Seeded();
        using var client = App.NewClient();

        using var response = await client.GetAsync("/help-article/sv/i-fara-nu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<article ", html);
        var document = new HtmlParser().ParseDocument(html);
        var article = Assert.Single(document.Body!.Children);
        Assert.Equal(("ARTICLE", "help-article", "sv", "ltr"), (article.TagName, article.ClassName, article.GetAttribute("lang"), article.GetAttribute("dir")));
        Assert.Equal(DangerTitle, article.QuerySelector("h1")?.TextContent);
        Assert.Contains(article.QuerySelectorAll("a"), a => a.GetAttribute("href") == "tel:112");
        AssertOnlyAllowedHtml(article);
    }

    [Fact]
    public async Task AnArabicPageIsRightToLeftAndHostileMarkdownStaysHarmless()
    {
        var pages = await Seeded();
        var seeded = (await pages.Published("ar", "i-fara-nu"))!;
        var saved = await pages.Save("ar", "i-fara-nu",
            "# إذا كنت في خطر الآن\n\nاتصل بـ [112](tel:112).\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](//evil.example)",
            seeded.Version, "anna");
        await pages.Publish("ar", "i-fara-nu", saved.Version);
        using var client = App.NewClient();

        var html = await client.GetStringAsync("/help-article/ar/i-fara-nu");

        var article = Assert.Single(new HtmlParser().ParseDocument(html).Body!.Children);
        Assert.Equal(("ar", "rtl"), (article.GetAttribute("lang"), article.GetAttribute("dir")));
        Assert.Equal("إذا كنت في خطر الآن", article.QuerySelector("h1")?.TextContent);
        AssertOnlyAllowedHtml(article);
        Assert.Equal(["tel:112"], article.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/help-article/sv/finns-inte")]
    [InlineData("/help-article/sv/utkast")]
    [InlineData("/help-article/ar/utkast")]
    [InlineData("/help-article/de/i-fara-nu")]
    [InlineData("/help-article/SV/i-fara-nu")]
    [InlineData("/help-article/sv/I-fara-nu")]
    [InlineData("/help-article/sv/..%2Fintegritet")]
    [InlineData("/help-article/sv/i-f%D0%B0ra-nu")] // a Cyrillic а
    [InlineData("/help-article/sv")]
    public async Task UnknownUnpublishedOrMalformedArticlesAreNotFound(string path)
    {
        var pages = await Seeded();
        await pages.Save("sv", "utkast", "# Utkast", 0, "anna");
        using var client = App.NewClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, App.Get<PageCache>().Count); // unknown addresses never fill the cache
    }

    [Fact]
    public async Task AChangedPageIsServedAnewOnceTheCacheHearsOfIt()
    {
        var pages = await Seeded();
        var v1 = await pages.Save("sv", "prov", "# Prov\n\nförsta", 0, "anna");
        await pages.Publish("sv", "prov", v1.Version);
        using var client = App.NewClient();
        Assert.Contains("första", await client.GetStringAsync("/help-article/sv/prov"));

        var v2 = await pages.Save("sv", "prov", "# Prov\n\nandra", v1.Version, "anna");
        await pages.Publish("sv", "prov", v2.Version);
        await App.Get<PageCache>().Changed("sv", "prov");

        Assert.Contains("andra", await client.GetStringAsync("/help-article/sv/prov"));
    }

    private static async Task<StaffMessageEvent> NextStaffPage(Counsellor counsellor)
    {
        while (true)
        {
            var next = await counsellor.Messages.NextAsync(ChatApp.Timeout);
            if (next.Message.Kind == "page") return next;
        }
    }

    private static void AssertOnlyAllowedHtml(AngleSharp.Dom.IElement article)
    {
        Assert.Empty(article.QuerySelectorAll("script, style, iframe, svg, object, embed, form, img:not([src^='/'])"));
        foreach (var element in article.QuerySelectorAll("*").Prepend(article))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            if (element.GetAttribute("href") is { } href) Assert.True(PageRenderer.IsAllowedLink(href), $"href {href}");
        }
    }
}
