using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Integration;

// What a youth page leaves on the phone and tells others, answer by answer: no cookie, nothing cached or indexed,
// no address sent on, nothing loaded from elsewhere, nothing run inline.
public sealed class NothingLeftOnThePhoneTests : IAsyncLifetime
{
    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public async Task InitializeAsync() => await _app.Seeded();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> YouthAnswers => new()
    {
        { "GET", "/" },
        { "GET", "/youth/status" },
        { "GET", "/sv" },
        { "GET", "/sv/i-fara-nu" },
        { "GET", "/sv/vart-kan-jag-vanda-mig" },
        { "GET", "/en" },
        { "GET", "/en/i-fara-nu" },
        { "GET", "/sv/finns-inte" },
        { "GET", "/help-article/sv/i-fara-nu" },
        { "POST", "/hubs/youth/negotiate?negotiateVersion=1" },
        { "POST", "/youth/leave" },
    };

    [Theory]
    [MemberData(nameof(YouthAnswers))]
    public async Task AYouthAnswerSetsNoCookieAndCarriesEveryPrivacyHeader(string method, string path)
    {
        using var client = _app.NewClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new StringContent("");
        using var response = await client.SendAsync(request).WaitAsync(ChatApp.Timeout);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} sets a cookie");
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        Assert.Contains("noindex", Header(response, "X-Robots-Tag"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sv")]
    [InlineData("/sv/i-fara-nu")]
    [InlineData("/sv/finns-inte")]
    public async Task EveryYouthPageHasTheQuickExitItsScriptAndANeutralTitle(string path)
    {
        using var client = _app.NewClient();
        using var response = await client.GetAsync(path).WaitAsync(ChatApp.Timeout);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<title>Information</title>", html);
        Assert.Contains("id=\"quick-exit\"", html);
        Assert.Matches("<script type=\"module\" src=\"/?_content/Chat.Client/js/quick-exit[^\"]*\\.js\"", html);
        Assert.DoesNotContain("Stödchatten</title>", html);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
