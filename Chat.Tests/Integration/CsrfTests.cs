using System.Net;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Every POST under /staff (the table in StaffAuthorizationTests), sent as a signed-in staff member's browser would
// send a forged form: (a) without an antiforgery token, (b) with a token from another person's session. Each is
// refused with 400 and nothing in Redis changes; the same form with the member's own token goes through.
public sealed class CsrfTests : ChatTest
{
    // Endpoint → who posts it, the page whose form is sent, the form's id, where it posts to (null: the page), and what
    // is typed in (so that the post would change something if it were let through). No form of its own (a page that
    // only shows, or whose form posts elsewhere): the fields of the page's sign-out or sign-in form.
    private sealed record Post(string Who, string Page, string? FormId, string? To, Dictionary<string, string> Edits);

    private static readonly Dictionary<string, Post> Posts = new()
    {
        ["POST /staff/signin"] = new("anonymous", "/staff/signin", null, "/staff/signin", new() { ["userName"] = "adam", ["password"] = ChatApp.Password }),
        ["POST /staff/auth/signin"] = new("anonymous", "/staff/signin", "signin-form", "/staff/auth/signin", new() { ["userName"] = "adam", ["password"] = ChatApp.Password }),
        ["POST /staff/setup"] = new("anonymous", "/staff/signin", null, "/staff/setup", []),
        ["POST /staff/auth/setup"] = new("anonymous", "/staff/signin", null, "/staff/auth/setup", new() { ["code"] = "x", ["userName"] = "mallory", ["password"] = "a long enough passphrase 99" }),
        ["POST /staff/auth/signout"] = new(StaffRoles.Admin, "/staff/accounts", "sign-out-form", "/staff/auth/signout", []),
        ["POST /staff"] = new(StaffRoles.Counsellor, "/staff", null, "/staff", []),
        ["POST /staff/dashboard"] = new(StaffRoles.Coordinator, "/staff/dashboard", null, "/staff/dashboard", []),
        ["POST /staff/stats"] = new(StaffRoles.Coordinator, "/staff/stats", null, "/staff/stats", []),
        ["POST /staff/audit"] = new(StaffRoles.Admin, "/staff/audit", null, "/staff/audit", []),
        ["POST /staff/password"] = new(StaffRoles.Counsellor, "/staff/password", null, "/staff/password",
            new() { ["current"] = ChatApp.Password, ["password"] = "a brand new passphrase 77", ["repeat"] = "a brand new passphrase 77" }),
        ["POST /staff/auth/password"] = new(StaffRoles.Counsellor, "/staff/password", "password-form", "/staff/auth/password",
            new() { ["current"] = ChatApp.Password, ["password"] = "a brand new passphrase 77", ["repeat"] = "a brand new passphrase 77" }),
        ["POST /staff/accounts"] = new(StaffRoles.Admin, "/staff/accounts", "access-counsellor", null, new() { ["do"] = "disable" }),
        ["POST /staff/accounts/new"] = new(StaffRoles.Admin, "/staff/accounts/new", "account-form", null,
            new() { ["userName"] = "mallory", ["displayName"] = "Mallory", ["password"] = "a long enough passphrase 99" }),
        ["POST /staff/hours"] = new(StaffRoles.Coordinator, "/staff/hours", "hours-form", null, new() { ["hoursKnown"] = "yes", ["day0"] = "10:00-12:00" }),
        ["POST /staff/quick-replies"] = new(StaffRoles.Coordinator, "/staff/quick-replies", "quick-replies-form", null,
            new() { ["label0"] = "Mallory", ["text0"] = "Mallory skrev ett snabbsvar" }),
        ["POST /staff/directory"] = new(StaffRoles.Coordinator, "/staff/directory", null, "/staff/directory", []),
        ["POST /staff/directory/new"] = new(StaffRoles.Coordinator, "/staff/directory/new", "service-form", null,
            new() { ["name"] = "Mallorys tjänst", ["offers"] = "Allt", ["forWhom"] = "Alla", ["contact"] = "mallory@example.org" }),
        ["POST /staff/directory/{Id}"] = new(StaffRoles.Coordinator, "/staff/directory/stodcentrum", "service-form", null, new() { ["name"] = "Mallorys namn" }),
        ["POST /staff/directory/{Id}/remove"] = new(StaffRoles.Coordinator, "/staff/directory/stodcentrum/remove", "remove-form", null, []),
        ["POST /staff/pages"] = new(StaffRoles.Coordinator, "/staff/pages", "new-page-form", "/staff/pages", new() { ["slug"] = "mallory", ["language"] = "sv" }),
        ["POST /staff/pages/{Lang}/{Slug}"] = new(StaffRoles.Coordinator, "/staff/pages/sv/i-fara-nu", "page-form", null,
            new() { ["markdown"] = "# Mallory\n\nskrev över sidan", ["do"] = "publish" }),
        ["POST /staff/pages/{Lang}/{Slug}/history"] = new(StaffRoles.Coordinator, "/staff/pages/sv/i-fara-nu/history", null, "/staff/pages/sv/i-fara-nu/history", []),
    };

    [Fact]
    public void EveryStaffPostIsInTheTable()
    {
        var posts = StaffAuthorizationTests.Endpoints.Keys.Where(e => e.StartsWith("POST ", StringComparison.Ordinal)).Order();
        Assert.Equal(posts, Posts.Keys.Order());
    }

    public static TheoryData<string> Endpoints() => [.. Posts.Keys.Order()];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AForgedPostIsRefusedAndChangesNothing(string endpoint)
    {
        await App.Seeded();
        await App.CreateStaff("adam", StaffRoles.Admin);
        foreach (var role in new[] { StaffRoles.Counsellor, StaffRoles.Coordinator, StaffRoles.Admin })
        {
            await App.CreateStaff(role, role);
            await App.CreateStaff($"other-{role}", role);
        }
        var post = Posts[endpoint];
        using var client = App.NewClient();
        var victim = post.Who == "anonymous" ? "" : await App.SignIn(post.Who);
        var other = await App.SignIn(post.Who == "anonymous" ? $"other-{StaffRoles.Admin}" : $"other-{post.Who}");
        var form = await Form(client, post, victim);
        var theirToken = (await Form(client, post with { Who = "other" }, other)).Value("__RequestVerificationToken");
        var before = await RedisHolds.Everything(App);

        using (var noToken = await form.Without("__RequestVerificationToken").Post(client, post.To))
            Assert.True(noToken.StatusCode == HttpStatusCode.BadRequest, $"{endpoint} without a token: {(int)noToken.StatusCode} {noToken.Headers.Location}");
        Assert.Equal(before, await RedisHolds.Everything(App));

        var fresh = await Form(client, post, victim);
        using (var stolen = await fresh.Set("__RequestVerificationToken", theirToken).Post(client, post.To))
            Assert.True(stolen.StatusCode == HttpStatusCode.BadRequest, $"{endpoint} with another's token: {(int)stolen.StatusCode} {stolen.Headers.Location}");
        Assert.Equal(before, await RedisHolds.Everything(App));

        // The control: the same form with the member's own token is not refused for its token.
        if (post.FormId is null) return;
        using var own = await (await Form(client, post, victim)).Post(client, post.To);
        Assert.NotEqual(HttpStatusCode.BadRequest, own.StatusCode);
    }

    private static async Task<HtmlForm> Form(HttpClient client, Post post, string session)
    {
        var form = await HtmlForm.Load(client, post.Page, post.FormId ?? (session.Length > 0 ? "sign-out-form" : "signin-form"), session);
        foreach (var (name, value) in post.Edits) form.Set(name, value);
        return form;
    }
}
