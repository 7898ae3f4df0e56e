using System.Net;
using AngleSharp.Html.Parser;

namespace Chat.Tests.Support;

// The staff's sign-in, password and account forms, posted as a browser posts them; each answers where it sent the
// browser and the cookies it holds afterwards.
public static class StaffForms
{
    public static async Task<(string Location, string Cookie)> TrySignIn(this ChatApp app, string userName, string password)
    {
        using var client = app.NewClient();
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/signin").Within(ChatApp.Timeout, "GET /staff/signin");
        using var response = await ChatApp.PostForm(client, "/staff/auth/signin", cookies, token, new() { ["userName"] = userName, ["password"] = password })
            .Within(ChatApp.Timeout, "POST /staff/auth/signin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response.Headers.Location!.ToString(), ChatApp.CookieHeader(response, cookies));
    }

    public static async Task<(string Location, string Cookie)> ChangePassword(
        this ChatApp app, string cookie, string current, string password, string? repeat = null)
    {
        using var client = app.NewClient();
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/password", cookie).Within(ChatApp.Timeout, "GET /staff/password");
        using var response = await ChatApp.PostForm(client, "/staff/auth/password", cookies, token,
            new() { ["current"] = current, ["password"] = password, ["repeat"] = repeat ?? password }).Within(ChatApp.Timeout, "POST /staff/auth/password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response.Headers.Location!.ToString(), ChatApp.CookieHeader(response, cookies));
    }

    public static async Task SignOut(this ChatApp app, string cookie)
    {
        using var client = app.NewClient();
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/password", cookie).Within(ChatApp.Timeout, "GET /staff/password");
        using var response = await ChatApp.PostForm(client, "/staff/auth/signout", cookies, token, []).Within(ChatApp.Timeout, "POST /staff/auth/signout");
        Assert.Equal("/staff/signin", response.Headers.Location?.ToString());
    }

    // An admin presses disable, enable or reset on /staff/accounts; the answer's page as text (HTML-decoded).
    public static async Task<(HttpStatusCode Status, string? Location, string Html)> AccountAction(
        this ChatApp app, string adminCookie, string userName, string action)
    {
        using var client = app.NewClient();
        var form = await HtmlForm.Load(client, "/staff/accounts", $"access-{userName}", adminCookie);
        using var response = await form.Set("do", action).Post(client);
        var location = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.ToString();
        return (response.StatusCode, location, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static string TemporaryPassword(string html) =>
        new HtmlParser().ParseDocument(html).GetElementById("temporary-password-value")?.TextContent
        ?? throw new InvalidOperationException("the page shows no temporary password");

    // The status of a page or hub negotiation asked with this cookie, and where a redirect points.
    public static async Task<(HttpStatusCode Status, string? Location)> Ask(this ChatApp app, HttpMethod method, string path, string cookie)
    {
        using var client = app.NewClient();
        using var response = await ChatApp.SendAs(client, method, path, cookie);
        return (response.StatusCode, response.Headers.Location?.ToString());
    }
}
