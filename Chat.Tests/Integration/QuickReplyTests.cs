using Chat.Client.Texts;
using System.Net;
using Chat.Server.QuickReplies;
using Chat.Server.Staff;
using Chat.Server.Storage;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Quick replies through the real coordinator page, and as counsellors read them over the staff hub.
public sealed class QuickReplyTests : ChatTest
{
    [Fact]
    public async Task ACoordinatorSavesQuickRepliesCounsellorsReadThemAndTheChangeIsAudited()
    {
        var (client, session) = await App.StaffClient("kim", StaffRoles.Coordinator);
        var form = await HtmlForm.Load(client, "/staff/quick-replies", "quick-replies-form", session);
        Assert.Equal(QuickReplyForm.BlankRows.ToString(), form.Value("rows"));

        using var response = await form
            .Set("language0", "en").Set("label0", "  Greeting ").Set("text0", "Hi! Good that you write.")
            .Set("language1", "sv").Set("label1", "Hälsning").Set("text1", "Hej! Vad bra att du skriver.\r\nVill du berätta?")
            .Post(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/quick-replies?done=saved", response.Headers.Location?.PathAndQuery);
        // Swedish first (the vocabulary's order), then English; trimmed, line breaks as \n.
        Assert.Equal([new("sv", "Hälsning", "Hej! Vad bra att du skriver.\nVill du berätta?"), new("en", "Greeting", "Hi! Good that you write.")],
            await App.Get<QuickReplyStore>().All());
        var audit = Assert.Single(await App.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.QuickRepliesChanged);
        Assert.Equal(("kim", "quick-replies"), (audit.Actor, audit.Target));

        await using var ulla = await Counsellor.SignIn(App, "ulla");
        Assert.Equal(["Hälsning", "Greeting"], (await ulla.QuickReplies()).Value().Select(r => r.Label));

        var again = await HtmlForm.Load(client, "/staff/quick-replies", "quick-replies-form", session);
        Assert.Equal((2 + QuickReplyForm.BlankRows).ToString(), again.Value("rows"));
        Assert.Equal(("sv", "Hälsning"), (again.Value("language0"), again.Value("label0")));
        Assert.Contains("Snabbsvaren sparades", await ChatApp.PageAs(client, "/staff/quick-replies?done=saved", session));
    }

    [Fact]
    public async Task EmptyingBothFieldsRemovesAReplyAndRemovingTheLastRemovesTheKey()
    {
        var (client, session) = await App.StaffClient("kim", StaffRoles.Coordinator);
        await App.Get<QuickReplyStore>().Save([new("sv", "Hälsning", "Hej!")], "kim");
        using var response = await (await HtmlForm.Load(client, "/staff/quick-replies", "quick-replies-form", session))
            .Set("label0", "").Set("text0", "").Post(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await App.Get<QuickReplyStore>().All());
        var redis = App.Get<RedisConnection>();
        Assert.False(await redis.Database.KeyExistsAsync(redis.Keys.QuickReplies).Within(ChatApp.Timeout, "EXISTS"));
    }

    public static TheoryData<string, string, string, string> Refusals() => new()
    {
        { "fr", "Salut", "Bonjour", "invalid-language" },
        { "sv", "", "En text utan etikett", "empty-label" },
        { "sv", "Etikett utan text", "   ", "empty-text" },
        { "sv", new string('x', QuickReplyRules.MaxLabelLength + 1), "Hej", "invalid-label" },
        { "sv", "Två\nrader", "Hej", "invalid-label" },
        { "sv", "Lång", new string('x', QuickReplyRules.MaxTextLength + 1), "invalid-text" },
        { "sv", "Styrtecken", "Hej\u0007", "invalid-text" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ABadReplyComesBackAsTypedWithTheReasonAndNothingChanges(string language, string label, string text, string code)
    {
        var (client, session) = await App.StaffClient("kim", StaffRoles.Coordinator);
        await App.Get<QuickReplyStore>().Save([new("sv", "Hälsning", "Hej!")], "kim");
        var form = await HtmlForm.Load(client, "/staff/quick-replies", "quick-replies-form", session);

        using var refused = await form.Set("language1", language).Set("label1", label).Set("text1", text).Post(client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Snabbsvaren sparades inte", html);
        Assert.Contains(QuickReplyWords.Describe(TextCatalog.StaffSwedish, code), html);
        Assert.Equal(label, HtmlForm.Parse(html, "quick-replies-form", "/staff/quick-replies", form.Cookies).Value("label1"));
        Assert.Equal([new QuickReply("sv", "Hälsning", "Hej!")], await App.Get<QuickReplyStore>().All());
        Assert.Single(await App.Get<AuditLog>().Recent(1), e => e.Action == AuditActions.QuickRepliesChanged);
    }

    [Fact]
    public void NoMoreThanTwentyRepliesInOneLanguage()
    {
        var rows = Enumerable.Range(0, QuickReplyRules.MaxPerLanguage + 1).Select(i => new QuickReply("sv", $"Svar {i}", "Text")).ToList();
        Assert.Equal([new QuickReplyProblem("form", "too-many")], QuickReplyRules.Check(rows).Problems);
        // Twenty in each language is fine.
        var each = QuickReplyRules.Check([.. rows.Skip(1), .. rows.Skip(1).Select(r => r with { Language = "ar" })]);
        Assert.Empty(each.Problems);
        Assert.Equal(2 * QuickReplyRules.MaxPerLanguage, each.Replies.Count);
    }

    [Fact]
    public async Task ACounsellorCannotOpenThePageAndACoordinatorCannotReadTheRepliesOverTheHub()
    {
        await App.CreateStaff("ulla", StaffRoles.Counsellor);
        var (status, location) = await App.Ask(HttpMethod.Get, "/staff/quick-replies", await App.SignIn("ulla"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("http://localhost/staff/signin", location);

        await using var cora = await Counsellor.SignIn(App, "cora", StaffRoles.Coordinator);
        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => cora.QuickReplies());
        Assert.Contains("unauthorized", error.Message);
    }
}
