using System.Net;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Integration;

public sealed class StaffSignInTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client() => _app.NewClient();

    [Theory]
    [InlineData("ulla", "wrong password here")]
    [InlineData("nobody", ChatApp.Password)]
    [InlineData("", "")]
    public async Task AWrongUserOrPasswordIsRefused(string userName, string password)
    {
        await _app.CreateStaff("ulla");
        using var client = Client();
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/signin");
        using var response = await ChatApp.PostForm(client, "/staff/auth/signin", cookies, token, new() { ["userName"] = userName, ["password"] = password });
        Assert.Equal("/staff/signin?error=invalid", response.Headers.Location?.ToString());
        Assert.DoesNotContain("chat.staff=", ChatApp.CookieHeader(response, ""));
    }

    [Fact]
    public async Task SignInWithoutTheAntiforgeryTokenIsRefused()
    {
        await _app.CreateStaff("ulla");
        using var client = Client();
        using var response = await client.PostAsync("/staff/auth/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "ulla", ["password"] = ChatApp.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignOutNeedsTheAntiforgeryTokenAndThenEndsTheSession()
    {
        await _app.CreateStaff("ulla");
        var session = await _app.SignIn("ulla");
        using var client = Client();

        var forged = new HttpRequestMessage(HttpMethod.Post, "/staff/auth/signout") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Cookie", session);
        using var refused = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("chat.staff=;", string.Join(";", refused.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));

        var (cookies, token) = await ChatApp.FormToken(client, "/staff", session);
        using var signedOut = await ChatApp.PostForm(client, "/staff/auth/signout", cookies, token, []);
        Assert.Equal("/staff/signin", signedOut.Headers.Location?.ToString());
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chat.staff=;"));
    }

    [Fact]
    public async Task TheConsoleNeedsASignedInCounsellor()
    {
        using var client = Client();
        using var anonymous = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/staff/signin", anonymous.Headers.Location?.ToString());

        await _app.CreateStaff("ulla");
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", await _app.SignIn("ulla"));
        using var signedIn = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task TheFirstAdminIsCreatedOnceWithTheCodeFromTheFile()
    {
        var code = await _app.SetupCode();
        using var client = Client();

        Assert.Equal("/staff/setup?error=invalid-code", await Setup(client, "WRONG-CODE", "admin", ChatApp.Password));
        Assert.Equal("/staff/setup?error=password-too-short", await Setup(client, code, "admin", "short"));
        Assert.Equal("/staff", await Setup(client, code.ToLowerInvariant(), "admin", ChatApp.Password));
        Assert.False(File.Exists(_app.SetupCodeFile));
        Assert.Equal("/staff/setup?error=setup-closed", await Setup(client, code, "second", ChatApp.Password));

        var admin = await _app.Get<StaffAccounts>().Verify("admin", ChatApp.Password);
        Assert.Equal([StaffRoles.Admin, StaffRoles.Counsellor], admin!.Roles);
    }

    private async Task<string> Setup(HttpClient client, string code, string userName, string password)
    {
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/setup");
        using var response = await ChatApp.PostForm(client, "/staff/auth/setup", cookies, token,
            new() { ["code"] = code, ["userName"] = userName, ["displayName"] = "Admin", ["password"] = password });
        return response.Headers.Location?.ToString() ?? $"no redirect: {(int)response.StatusCode}";
    }
}
