using AngleSharp.Html.Parser;
using Chat.Client.Texts;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Integration;

// The staff pages speak one language for the whole service (Languages:Staff): Swedish unless configured, English
// complete beside it; the page carries the same texts for its modules.
public sealed class StaffLanguageTests
{
    [Theory]
    [InlineData(null, "sv", "Logga ut", "Översikt", "Inloggad som cora")]
    [InlineData("en", "en", "Sign out", "Overview", "Signed in as cora")]
    public async Task TheStaffPagesSpeakTheConfiguredLanguage(string? configured, string code, string signOut, string overview, string signedIn)
    {
        await using var app = App(configured);
        var (client, session) = await app.StaffClient("cora", StaffRoles.Coordinator);
        var page = await Page(client, session, "/staff/dashboard");
        Assert.Equal(signedIn, page.QuerySelector("#signed-in")!.TextContent);
        Assert.Equal("cora", page.QuerySelector("#signed-in strong")!.TextContent);

        Assert.Equal(code, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(signOut, page.QuerySelector("#sign-out")!.TextContent.Trim());
        Assert.Equal(overview, page.QuerySelector("#nav-dashboard")!.TextContent.Trim());
        var texts = page.QuerySelector("script#texts-default")!;
        Assert.Equal(code, texts.GetAttribute("data-language"));
        Assert.Contains(signOut, texts.TextContent);
        // The young person's page stays in its own default language whatever the staff's is.
        var youth = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        Assert.Equal("sv", youth.DocumentElement.GetAttribute("lang"));
    }

    // The console's own words, its vocabulary and its modules' texts follow the staff language too.
    [Theory]
    [InlineData(null, "Mina chattar", "Stöd gavs", "Du avslutade chatten")]
    [InlineData("en", "My chats", "Support given", "You ended the chat")]
    public async Task TheConsoleSpeaksTheConfiguredLanguage(string? configured, string myChats, string supportGiven, string youEnded)
    {
        await using var app = App(configured);
        var (client, session) = await app.StaffClient("carl", StaffRoles.Counsellor);
        var page = await Page(client, session, "/staff");

        Assert.Equal(myChats, page.QuerySelector("#chats-heading")!.TextContent.Trim());
        using var labels = System.Text.Json.JsonDocument.Parse(page.QuerySelector("#console")!.GetAttribute("data-labels")!);
        Assert.Equal(supportGiven, labels.RootElement.GetProperty("outcome").GetProperty("support-given").GetString());
        Assert.Contains(youEnded, page.QuerySelector("script#texts-default")!.TextContent);
    }

    // One text moved to the language files from each coordinators' and admins' page, shown in English.
    [Theory]
    [InlineData("/staff/dashboard", "#desks-heading", "Partner services' desks")]
    [InlineData("/staff/hours", "#hours-form legend", "Opening hours")]
    [InlineData("/staff/pages", "#create-page", "Write the page")]
    [InlineData("/staff/directory", "#new-service", "New service")]
    [InlineData("/staff/accounts", "#audit-log", "Audit log")]
    [InlineData("/staff/audit", "h1", "Audit log")]
    [InlineData("/staff/accounts/new", "#create-account", "Create the account")]
    [InlineData("/staff/stats", "#stats-export", "Download as CSV")]
    [InlineData("/staff/quick-replies", "#save-quick-replies", "Save")]
    [InlineData("/staff/directory/new", "input[name=topics][value=something-else] + span", "Something else")]
    public async Task TheCoordinatorsPagesSpeakEnglishWhenConfigured(string path, string selector, string english)
    {
        await using var app = App("en");
        var (client, session) = await app.StaffClient("ada", StaffRoles.Admin, StaffRoles.Coordinator);
        var page = await Page(client, session, path);

        Assert.Equal(english, page.QuerySelector(selector)?.TextContent.Trim());
    }

    // configured null: Languages:Staff as appsettings.json has it.
    private static ChatApp App(string? configured) =>
        ChatApp.OnSharedRedis(configured is null ? null : new Dictionary<string, string?> { ["Languages:Staff"] = configured });

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(HttpClient client, string session, string path) =>
        new HtmlParser().ParseDocument(await ChatApp.PageAs(client, path, session, decode: false));

    [Fact]
    public void AStaffLanguageWithoutItsFilesIsRefusedAtStart()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => new TextCatalog(Options.Create(new LanguageOptions { Staff = "ar" })));
        Assert.Contains("Languages:Staff", refused.Message);
    }
}
