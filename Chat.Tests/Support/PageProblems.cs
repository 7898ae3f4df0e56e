using Microsoft.Playwright;

namespace Chat.Tests.Support;

// Everything that went wrong on a page as the browser saw it: error responses, failed requests,
// console errors (a blocked stylesheet or a CSP violation shows up here).
public sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page)
    {
        page.Response += (_, response) => { if (response.Status >= 400) Add($"{response.Status} {response.Url}"); };
        page.RequestFailed += (_, request) => Add($"failed {request.Url}: {request.Failure}");
        page.Console += (_, message) => { if (message.Type == "error") Add($"console: {message.Text}"); };
    }

    public void AssertNone() { lock (_problems) Assert.True(_problems.Count == 0, string.Join("\n", _problems)); }

    private void Add(string problem) { lock (_problems) _problems.Add(problem); }
}
