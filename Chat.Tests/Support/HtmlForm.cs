using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Chat.Tests.Support;

// A server-rendered form as a browser sends it: every named field with the value the page gave it
// (ticked boxes and radios only, the selected option), hidden fields and the antiforgery token included.
public sealed class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private HtmlForm(string page, string cookies, List<KeyValuePair<string, string>> fields) =>
        (Page, Cookies, _fields) = (page, cookies, fields);

    public string Page { get; }
    public string Cookies { get; }

    public IEnumerable<string> Values(string name) => _fields.Where(f => f.Key == name).Select(f => f.Value);
    public string Value(string name) => Values(name).Single();

    // GETs the page with the session cookie and reads the form with this id.
    public static async Task<HtmlForm> Load(HttpClient client, string page, string formId, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, page);
        if (session.Length > 0) request.Headers.Add("Cookie", session);
        using var response = await client.SendAsync(request).Within(ChatApp.Timeout, $"GET {page}");
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync(), formId, page, ChatApp.CookieHeader(response, session));
    }

    // The form with this id in a page already fetched (e.g. a refused post shown again).
    public static HtmlForm Parse(string html, string formId, string page, string cookies)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.GetElementById(formId) as IHtmlFormElement ?? throw new InvalidOperationException($"{page} has no form #{formId}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false } => (null, null),
                IHtmlInputElement input => (input.Name, input.Value),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                IHtmlSelectElement select => (select.Name, select.Value),
                _ => (null, null),
            };
            if (!string.IsNullOrEmpty(name)) fields.Add(new(name, value ?? ""));
        }
        return new(page, cookies, fields);
    }

    public HtmlForm Set(string name, params string[] values)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public HtmlForm Without(string name) => Set(name);

    // Posts to the page itself, as a form without an action does.
    public Task<HttpResponseMessage> Post(HttpClient client, string? path = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path ?? Page) { Content = new FormUrlEncodedContent(_fields) };
        if (Cookies.Length > 0) request.Headers.Add("Cookie", Cookies);
        return client.SendAsync(request).Within(ChatApp.Timeout, $"POST {path ?? Page}");
    }
}
