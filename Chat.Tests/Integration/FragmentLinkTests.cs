using AngleSharp.Html.Parser;
using Chat.Server.Staff;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// Every page of the app (not the help pages, which are documents of their own) has <base href="/">, against which a bare "#part" link goes to the young people's page instead of a
// place on this one: links within a page carry the page's own path ("/staff/pages#new-page").
public sealed class FragmentLinkTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/staff")]
    [InlineData("/staff/dashboard")]
    [InlineData("/staff/pages")]
    [InlineData("/staff/pages/sv/i-fara-nu")]
    [InlineData("/staff/hours")]
    [InlineData("/staff/directory")]
    [InlineData("/staff/directory/stodcentrum")]
    [InlineData("/staff/quick-replies")]
    [InlineData("/staff/stats")]
    [InlineData("/staff/accounts")]
    [InlineData("/staff/password")]
    public async Task NoLinkIsABareFragment(string path)
    {
        await using var app = ChatApp.OnSharedRedis();
        await app.Seeded();
        var (client, session) = await app.StaffClient("ada", StaffRoles.Admin, StaffRoles.Coordinator, StaffRoles.Counsellor);
        var page = new HtmlParser().ParseDocument(await ChatApp.PageAs(client, path, session, decode: false));

        Assert.Equal("/", page.QuerySelector("base")?.GetAttribute("href"));
        var bare = page.QuerySelectorAll("a[href^='#']").Select(a => a.OuterHtml).ToList();
        Assert.True(bare.Count == 0, string.Join("\n", bare));
        if (path.StartsWith("/staff", StringComparison.Ordinal))
            Assert.Equal($"{path}#main", page.QuerySelector("#skip-to-main")?.GetAttribute("href"));
    }
}
