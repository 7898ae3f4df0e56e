using System.Net;
using AngleSharp.Html.Parser;
using Chat.Server.Content;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Who did what among staff and content is written as it happens, shown to admins only, and never holds a password.
public sealed class AuditTrailTests : ChatTest
{
    private const string OwnPassword = "min egen mening är bättre";

    [Fact]
    public async Task AccountAndSignInActionsAreAuditedAndNoPasswordReachesTheLogs()
    {
        await App.CreateStaff("ada", StaffRoles.Admin, StaffRoles.Counsellor);
        await App.CreateStaff("ulla");
        var admin = await App.SignIn("ada");

        await App.AccountAction(admin, "ulla", "disable");
        await App.AccountAction(admin, "ulla", "enable");
        var temporary = StaffForms.TemporaryPassword((await App.AccountAction(admin, "ulla", "reset")).Html);
        var (_, restricted) = await App.TrySignIn("ulla", temporary);
        var (_, ulla) = await App.ChangePassword(restricted, temporary, OwnPassword);
        await App.SignOut(ulla);

        Assert.Equal(
        [
            ("ada", AuditActions.SignedIn, "ada"),
            ("ada", AuditActions.AccountDisabled, "ulla"),
            ("ada", AuditActions.AccountEnabled, "ulla"),
            ("ada", AuditActions.PasswordResetForced, "ulla"),
            ("ulla", AuditActions.SignedIn, "ulla"),
            ("ulla", AuditActions.PasswordChanged, "ulla"),
            ("ulla", AuditActions.SignedIn, "ulla"),
            ("ulla", AuditActions.SignedOut, "ulla"),
        ], await Entries());
        foreach (var secret in (string[])[temporary, OwnPassword, ChatApp.Password])
            Assert.DoesNotContain(App.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(App.Logs.Lines, line => line.Contains("ulla", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PageAndDirectoryChangesAreAuditedWithWhatChanged()
    {
        await App.Seeded();
        await App.CreateStaff("kim", StaffRoles.Coordinator);
        var session = await App.SignIn("kim");
        using var client = App.NewClient();

        var edit = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (await edit.Set("markdown", "# Prov\n\nförsta").Set("do", "save").Post(client)) { }
        var publish = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (await publish.Set("do", "publish").Post(client)) { }
        var unpublish = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (await unpublish.Set("do", "unpublish").Post(client)) { }
        var second = await HtmlForm.Load(client, "/staff/pages/sv/prov", "page-form", session);
        using (await second.Set("markdown", "# Prov\n\nandra").Set("do", "save").Post(client)) { }
        var restore = await HtmlForm.Load(client, "/staff/pages/sv/prov/history?version=1", "restore-form", session);
        using (await restore.Post(client)) { }

        var added = await HtmlForm.Load(client, "/staff/directory/new", "service-form", session);
        added.Set("name", "Talita").Set("forWhom", "Vuxna").Set("minAge", "18").Set("topics", "exploitation").Set("languages", "sv").Set("receives", "code");
        using (await added.Post(client)) { }
        var saved = await HtmlForm.Load(client, "/staff/directory/talita", "service-form", session);
        using (await saved.Set("contact", "Ring 08-000 00 00").Post(client)) { }
        var removed = await HtmlForm.Load(client, "/staff/directory/talita/remove", "remove-form", session);
        using (await removed.Post(client)) { }

        Assert.Equal(
        [
            ("kim", AuditActions.SignedIn, "kim"),
            ("kim", AuditActions.PageSaved, "sv/prov"),
            ("kim", AuditActions.PagePublished, "sv/prov"),
            ("kim", AuditActions.PageUnpublished, "sv/prov"),
            ("kim", AuditActions.PageSaved, "sv/prov"),
            ("kim", AuditActions.PageRestored, "sv/prov"),
            ("kim", AuditActions.ServiceAdded, "talita"),
            ("kim", AuditActions.ServiceSaved, "talita"),
            ("kim", AuditActions.ServiceRemoved, "talita"),
        ], await Entries());
    }

    [Fact]
    public async Task AdminsSeeTheLogNewestFirstInSwedishTimeAndNobodyElseDoes()
    {
        await App.CreateStaff("ada", StaffRoles.Admin);
        await App.CreateStaff("kim", StaffRoles.Coordinator, StaffRoles.Counsellor);
        var kim = await App.SignIn("kim");
        var admin = await App.SignIn("ada");
        using var client = App.NewClient();

        var raw = await ChatApp.PageAs(client, "/staff/audit", admin, decode: false);

        var rows = new HtmlParser().ParseDocument(raw).QuerySelectorAll("tr.audit-entry").ToList();
        Assert.Equal(["ada", "kim"], rows.Select(row => row.Children[1].TextContent.Trim()));
        Assert.All(rows, row => Assert.Equal(AuditActions.SignedIn, row.QuerySelector(".audit-action")!.GetAttribute("data-action")));
        var at = DateTimeOffset.Parse(rows[0].QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        var stockholm = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        Assert.Equal(stockholm.ToString("yyyy-MM-dd HH:mm:ss"), rows[0].QuerySelector("time")!.TextContent);

        var refused = await App.Ask(HttpMethod.Get, "/staff/audit", kim);
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.StartsWith("http://localhost/staff/signin", refused.Location);
    }

    private async Task<IReadOnlyList<(string, string, string)>> Entries() =>
        [.. (await App.Get<AuditLog>().Recent(1).Within(ChatApp.Timeout)).Reverse().Select(e => (e.Actor, e.Action, e.Target))];
}
