using System.Net;
using System.Text.RegularExpressions;
using Chat.Server.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.Tests.Support;

// The real service in memory, on a real Redis, with its own key prefix so tests run side by side.
// Two ChatApps given the same endpoint and key prefix are two nodes of one service.
public sealed partial class ChatApp(string redisEndpoint, IDictionary<string, string?>? settings = null, string? keyPrefix = null)
    : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string KeyPrefix { get; } = keyPrefix ?? $"t{Guid.NewGuid():N}:";
    public string SetupCodeFile { get; } = Path.Combine(Path.GetTempPath(), $"chat-setup-{Guid.NewGuid():N}.txt");
    public CapturedLogs Logs { get; } = new();
    // The app's TimeProvider when a test moves time itself (a ManualClock); the real clock otherwise.
    public TimeProvider? Clock { get; init; }

    public static ChatApp OnSharedRedis(IDictionary<string, string?>? settings = null) => new(RedisServer.Shared.Endpoint, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Redis:Configuration", redisEndpoint);
        builder.UseSetting("Redis:KeyPrefix", KeyPrefix);
        builder.UseSetting("Staff:SetupCodeFile", SetupCodeFile);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (Clock is not null) builder.ConfigureServices(services => services.AddSingleton(Clock));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    // The repository's service directory and help pages are in (seeded by this node, or found there), and the
    // seed has dropped the page caches it had to: from here on, nothing but the test changes what they hold.
    public async Task Seeded()
    {
        foreach (var seed in Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
                     .Where(s => s is Chat.Server.Content.ContentSeed or Chat.Server.Handover.DirectorySeed))
            await ((Microsoft.Extensions.Hosting.BackgroundService)seed).ExecuteTask!.WaitAsync(Timeout);
    }

    // The setup code the node writes at its first start (starting it if need be).
    public async Task<string> SetupCode()
    {
        StartServer();
        var deadline = DateTime.UtcNow + Timeout;
        while (!File.Exists(SetupCodeFile) || (await File.ReadAllTextAsync(SetupCodeFile)).Trim().Length == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the app wrote no setup code to {SetupCodeFile}");
            await Task.Delay(50);
        }
        return (await File.ReadAllTextAsync(SetupCodeFile)).Trim();
    }

    public Task<StaffAccount> CreateStaff(string userName, params string[] roles) =>
        Get<StaffAccounts>().Create(userName, $"Name of {userName}", Password, roles.Length == 0 ? [StaffRoles.Counsellor] : roles);

    public Task<StaffAccount> CreateMember(string userName, string service) =>
        Get<StaffAccounts>().Create(userName, $"Name of {userName}", Password, [StaffRoles.Partner], service: service);

    // Signs in through the real form (antiforgery included) and returns the Cookie header for the staff hub.
    public async Task<string> SignIn(string userName, string password = Password)
    {
        using var client = NewClient();
        var (cookies, token) = await FormToken(client, "/staff/signin");
        using var response = await PostForm(client, "/staff/auth/signin", cookies, token,
            new() { ["userName"] = userName, ["password"] = password });
        var location = response.Headers.Location?.ToString();
        if (response.StatusCode != HttpStatusCode.Redirect || location is not ("/staff" or "/staff/dashboard" or "/staff/accounts" or "/staff/password"))
            throw new InvalidOperationException($"sign-in as {userName} failed: {(int)response.StatusCode} {location}");
        return CookieHeader(response, cookies);
    }

    // A staff member with these roles (a counsellor if none), signed in, and a client to ask pages with.
    public async Task<(HttpClient Client, string Session)> StaffClient(string userName, params string[] roles)
    {
        await CreateStaff(userName, roles);
        return (NewClient(), await SignIn(userName));
    }

    // A client that shows redirects and cookies as they are, in memory or over Kestrel.
    public HttpClient NewClient() => Services.GetRequiredService<IServer>() is TestServer
        ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
        : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = ClientOptions.BaseAddress };

    // The form's antiforgery token and the cookies that go with it; a signed-in page needs the session cookie.
    public static async Task<(string Cookies, string Token)> FormToken(HttpClient client, string page, string session = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, page);
        if (session.Length > 0) request.Headers.Add("Cookie", session);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        var match = AntiforgeryField().Match(html);
        if (!match.Success) throw new InvalidOperationException($"{page} has no antiforgery field");
        return (CookieHeader(response, session), WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    // A request with a signed-in staff member's cookies, and a page as they see it (HTML-decoded unless asked not to).
    public static Task<HttpResponseMessage> SendAs(HttpClient client, HttpMethod method, string path, string session)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", session);
        return client.SendAsync(request).Within(Timeout, $"{method} {path}");
    }

    public static async Task<string> PageAs(HttpClient client, string path, string session, bool decode = true)
    {
        using var response = await SendAs(client, HttpMethod.Get, path, session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return decode ? WebUtility.HtmlDecode(html) : html;
    }

    public static Task<HttpResponseMessage> PostForm(
        HttpClient client, string path, string cookies, string token, Dictionary<string, string> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }),
        };
        if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request);
    }

    // Joins the cookies a response sets with those already held, as a browser would.
    public static string CookieHeader(HttpResponseMessage response, string existing)
    {
        var jar = existing.Split("; ", StringSplitOptions.RemoveEmptyEntries).ToDictionary(c => c.Split('=')[0], c => c);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var pair in set.Select(c => c.Split(';')[0])) jar[pair.Split('=')[0]] = pair;
        return string.Join("; ", jar.Values);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(SetupCodeFile);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
