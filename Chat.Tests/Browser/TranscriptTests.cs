using System.Text.Json;
using Chat.Tests.Support;

namespace Chat.Tests.Browser;

// The pages' transcript module (Chat.Client/scripts/transcript.js) in real Chromium, on its own: the page imports
// it, with the modules it imports, from the repository's scripts folder.
public sealed class TranscriptTests
{
    private const string Origin = "http://transcript.test";

    private static async Task<JsonElement> Run(string steps)
    {
        await using var context = await Chromium.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync($"{Origin}/**", route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            return path.StartsWith("/scripts/", StringComparison.Ordinal)
                ? route.FulfillAsync(new() { ContentType = "text/javascript", Body = File.ReadAllText(Repository.File("Chat.Client" + path)) })
                : route.FulfillAsync(new()
                {
                    ContentType = "text/html",
                    Body = "<html data-texts='{}'><ol id='list'></ol><script type='module'>"
                        + "import { createTranscript } from '/scripts/transcript.js'; window.createTranscript = createTranscript;</script></html>",
                });
        });
        await page.GotoAsync($"{Origin}/");
        await page.WaitForFunctionAsync("() => typeof window.createTranscript === 'function'");
        return await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const t = window.createTranscript(document.getElementById('list'), 'youth');
              const text = (seq, from = 'counsellor', body = 'm' + seq) => ({ seq, kind: 'text', from, name: 'Ulla', text: body, at: 0 });
              {{steps}}
            }
            """);
    }

    [Fact]
    public async Task EntriesArrivingOutOfOrderAreShownInSeqOrderOnceAndTheResumePointWaitsForTheGap()
    {
        var result = await Run("""
            const added = [t.add(text(1)), t.add(text(3)), t.add(text(3))];
            const beforeGap = [t.complete, t.lastSeq];
            t.add(text(2));
            return { added, beforeGap, after: [t.complete, t.lastSeq],
                     order: [...document.querySelectorAll('#list > *')].map(li => Number(li.dataset.seq)) };
            """);

        Assert.Equal("[true,true,false]", result.GetProperty("added").GetRawText());
        Assert.Equal("[1,3]", result.GetProperty("beforeGap").GetRawText()); // resume from 1, not 3: 2 is missing
        Assert.Equal("[3,3]", result.GetProperty("after").GetRawText());
        Assert.Equal("[1,2,3]", result.GetProperty("order").GetRawText());
    }

    [Fact]
    public async Task TextIsInsertedAsTextNeverAsMarkup()
    {
        var result = await Run("""
            t.add(text(1, 'counsellor', '<img src=x onerror="window.hit=1"><b>fet</b>'));
            return { html: document.getElementById('list').innerHTML, bold: document.querySelectorAll('#list b').length,
                     images: document.querySelectorAll('#list img').length, text: document.getElementById('list').textContent };
            """);

        Assert.Equal(0, result.GetProperty("bold").GetInt32());
        Assert.Equal(0, result.GetProperty("images").GetInt32());
        Assert.Contains("<b>fet</b>", result.GetProperty("text").GetString());
        Assert.Contains("&lt;b&gt;", result.GetProperty("html").GetString());
    }
}
