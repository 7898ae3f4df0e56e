using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Chat.Tests.Support;

// axe-core (a pinned devDependency of Chat.Client, installed by the build's `npm ci`) run on a page as it is now.
public static class Axe
{
    // WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices (landmarks, one h1, heading order, …).
    static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    static readonly Lazy<string> Source = new(() =>
    {
        var path = Repository.File("Chat.Client/node_modules/axe-core/axe.min.js");
        if (!File.Exists(path)) throw new InvalidOperationException($"axe-core is missing at {path}: build Chat.Client (its build runs npm ci)");
        return File.ReadAllText(path);
    });

    // The pages send `script-src 'self'`, so a <script> tag with axe would be refused. Playwright's evaluate runs
    // over the DevTools protocol, which the page's CSP does not govern; a BypassCSP context would also lift the CSP
    // for the page's own scripts, and the tests should see the pages exactly as they are served.
    public static async Task AssertNoViolations(IPage page, string state)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
              }));
            }
            """, Tags);
        Assert.True(violations.GetArrayLength() == 0, Describe(state, page.Url, violations));
    }

    // Each violation's id, impact and help, and every element it was found on with axe's own explanation.
    static string Describe(string state, string url, JsonElement violations)
    {
        var text = new StringBuilder($"{violations.GetArrayLength()} accessibility violation(s) in \"{state}\" ({url}):\n");
        foreach (var violation in violations.EnumerateArray())
        {
            text.Append($"- {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()}\n");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
                text.Append($"    {node.GetProperty("target").GetString()}: {node.GetProperty("summary").GetString()?.ReplaceLineEndings(" ")}\n");
        }
        return text.ToString();
    }
}
