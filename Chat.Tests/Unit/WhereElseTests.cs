using System.IO.Compression;
using AngleSharp.Html.Parser;
using Chat.Server.Content;
using Chat.Server.Handover;
using Chat.Tests.Support;

namespace Chat.Tests.Unit;

// "Where else you can turn" from the directory, and the bytes a reading page is served as.
public sealed class WhereElseTests
{
    private static readonly WeeklyHours Office = WeeklyHours.Parse(["09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-15:00", "closed", "closed"]);

    private static PartnerService Service(string id, string name, string offers = "", string forWhom = "", int? min = null, int? max = null,
        WeeklyHours? hours = null, string contact = "", string? onlyWhen = null) =>
        new(id, name, offers, forWhom, min, max, [], [], hours ?? WeeklyHours.Unknown, contact, HandoverMode.ByCode, onlyWhen);

    private static AngleSharp.Html.Dom.IHtmlDocument Page(IReadOnlyList<PartnerService> services, Chat.Client.Texts.Language words) =>
        new HtmlParser().ParseDocument($"<body>{PageRenderer.Render(WhereElse.Markdown(services, words)).Html}</body>");

    [Fact]
    public void EmergencyComesFirstThenEveryServiceWithWhatItOffersForWhomAgesHoursAndContact()
    {
        var page = Page([
            Service("anova", "ANOVA", "Behandling.", "Unga vuxna.", 16, null),
            Service("stodcentrum", "Stödcentrum", "Stödsamtal.", "Unga som utsatts för brott.", 10, 21, Office, "Telefon 08-123 45\nBesök: Gatan 1"),
            Service("112", "112", "Polis, ambulans, räddningstjänst."),
        ], Words.In("sv"));

        Assert.Equal(["Vart kan jag vända mig?"], page.QuerySelectorAll("h1").Select(h => h.TextContent));
        Assert.Equal(["112", "ANOVA", "Stödcentrum"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal("tel:112", page.QuerySelector("a")!.GetAttribute("href"));
        var facts = page.QuerySelectorAll("ul").Last().Children.Select(li => li.TextContent).ToList();
        Assert.All(facts, fact => Assert.Matches("^[^:]+: \u2068[^\u2068\u2069]+\u2069", fact)); // each value isolated for bidi
        facts = facts.Select(f => f.Replace("\u2068", "").Replace("\u2069", "")).ToList();
        Assert.Equal([
            "För vem: Unga som utsatts för brott.",
            "Ålder: 10–21 år",
            "Öppet: måndag–torsdag 09:00–17:00, fredag 09:00–15:00, lördag–söndag stängt",
            "Kontakt: Telefon 08-123 45\nBesök: Gatan 1",
        ], facts);
        Assert.Single(page.QuerySelectorAll("ul").Last().QuerySelectorAll("br")); // the contact keeps its lines
    }

    [Fact]
    public void WithoutTheDirectorysOwn112ThePageStillStartsWithIt()
    {
        var page = Page([Service("anova", "ANOVA")], Words.In("en"));

        Assert.Equal(["112", "ANOVA"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(("tel:112", "Call 112"), (page.QuerySelector("a")!.GetAttribute("href"), page.QuerySelector("a")!.TextContent));
    }

    [Theory]
    [InlineData("[klicka](javascript:alert(1))")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("&lt;b&gt;fet&lt;/b&gt;")]
    [InlineData("<https://evil.example>")]
    [InlineData("**fet** _kursiv_ `kod` ~~bort~~")]
    [InlineData("# rubrik")]
    [InlineData("1. lista")]
    [InlineData("- lista\n- till")]
    [InlineData("| a | b |\n|---|---|\n| c | d |")]
    [InlineData("    indraget som kod")]
    [InlineData("text\\")]
    public void WhatCoordinatorsTypedIsAlwaysShownAsTheText(string typed)
    {
        var page = Page([Service("x", typed, typed, typed, contact: typed, onlyWhen: typed)], Words.In("sv"));

        var shown = System.Text.RegularExpressions.Regex.Replace(typed.Trim(), @"\s+", " ");
        Assert.Equal(shown, page.QuerySelectorAll("h2")[1].TextContent);
        Assert.Equal(shown, page.QuerySelectorAll("h2")[1].NextElementSibling!.TextContent);
        Assert.Empty(page.QuerySelectorAll("script, img, strong em, em, code, table, ol, h1 ~ h1, h3, pre, del"));
        Assert.Equal(["tel:112"], page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on"));
    }

    [Fact]
    public void TheGeneratedPagesHaveAddressesNoCoordinatorCanTake()
    {
        Assert.Equal("vart-kan-jag-vanda-mig", WhereElse.SlugFor(Words.In("sv")));
        Assert.Equal("where-else-can-i-turn", WhereElse.SlugFor(Words.In("en")));
        Assert.Equal("where-else-can-i-turn", WhereElse.SlugFor(Words.In("ar")));
        Assert.All(new[] { "vart-kan-jag-vanda-mig", "where-else-can-i-turn" }, slug => Assert.True(Slugs.IsReserved(slug) && Slugs.IsSlug(slug)));
        Assert.False(Slugs.IsReserved("i-fara-nu"));
        Assert.Equal("reserved-slug", Assert.Throws<Chat.Server.Conversations.ChatError>(() => HelpPages.Slug("vart-kan-jag-vanda-mig")).Code);
    }

    [Theory]
    [InlineData("sv", 18, null, "från 18 år")]
    [InlineData("sv", null, 17, "upp till 17 år")]
    [InlineData("en", 10, 21, "10–21")]
    [InlineData("en", 18, null, "18 and over")]
    [InlineData("ar", null, 17, "حتى عمر 17")]
    [InlineData("sv", null, null, null)]
    [InlineData("sv", 0, null, null)]
    public void AgesAreSaidInThePagesLanguage(string language, int? min, int? max, string? expected) =>
        Assert.Equal(expected, WhereElse.AgeRange(min, max, Words.In(language)));

    [Theory]
    [InlineData("gzip, deflate, br, zstd", ContentCoding.Brotli)]
    [InlineData("br", ContentCoding.Brotli)]
    [InlineData("BR;q=0.5", ContentCoding.Brotli)]
    [InlineData("*", ContentCoding.Brotli)]
    [InlineData("gzip, deflate", ContentCoding.Gzip)]
    [InlineData("br;q=0, gzip", ContentCoding.Gzip)]
    [InlineData("br;q=0.000, gzip;q=0", ContentCoding.Identity)]
    [InlineData("identity", ContentCoding.Identity)]
    [InlineData("deflate", ContentCoding.Identity)]
    [InlineData("", ContentCoding.Identity)]
    [InlineData(null, ContentCoding.Identity)]
    public void TheEncodingIsBrotliWhenTakenElseGzipElseNone(string? acceptEncoding, ContentCoding expected) =>
        Assert.Equal(expected, HelpResponse.Choose(acceptEncoding));

    [Fact]
    public void BothCompressedFormsHoldExactlyThePage()
    {
        var html = "<!DOCTYPE html><html lang=\"ar\"><body>" + string.Concat(Enumerable.Repeat("مرحبا Hej ", 500)) + "</body></html>";
        var response = HelpResponse.Of(html);

        Assert.Equal(html, System.Text.Encoding.UTF8.GetString(response.Html));
        Assert.Equal(response.Html, Streams.Decompress(new BrotliStream(new MemoryStream(response.Brotli), CompressionMode.Decompress)));
        Assert.Equal(response.Html, Streams.Decompress(new GZipStream(new MemoryStream(response.Gzip), CompressionMode.Decompress)));
        Assert.True(response.Brotli.Length < response.Html.Length / 10);
    }
}
