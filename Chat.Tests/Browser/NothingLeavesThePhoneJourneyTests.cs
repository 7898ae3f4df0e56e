using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A whole journey on a phone, with every request the pages make recorded: nothing may go to any other origin,
// no cookie or localStorage is left, sessionStorage holds only the token, and the tab's title never says what this is.
public sealed class NothingLeavesThePhoneJourneyTests() : BrowserTest(new Dictionary<string, string?> { ["QuickExit:Url"] = "/healthz" })
{
    [Fact]
    public async Task AWholeJourneyTalksOnlyToThisSiteAndLeavesOnlyTheToken()
    {
        await App.Seeded();
        await using var counsellor = await Counsellor.SignIn(App, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var requests = new List<string>();
        context.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        var phone = await context.NewPageAsync();
        phone.WebSocket += (_, socket) => { lock (requests) requests.Add(socket.Url); };
        var problems = new PageProblems(phone);

        await phone.GotoAsync("/");
        await Expect(phone.Locator("#start-chat")).ToBeEnabledAsync();
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        var waiting = Assert.Single(await counsellor.QueueOf(1));
        await phone.Locator("#waiting a", new() { HasText = "Medan du väntar" }).ClickAsync();
        await Expect(phone.Locator("#reader .help-article h1")).ToHaveTextAsync("Medan du väntar");
        await phone.ClickAsync("#reader-back");

        var id = (await counsellor.Take(waiting.ConversationId)).Value().ConversationId;
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", "hej");
        await phone.ClickAsync("#send");
        (await counsellor.Send(id, "Hej, vad vill du prata om?")).Value();
        await Expect(phone.Locator("#messages .msg-counsellor")).ToContainTextAsync("vad vill du prata om");
        Assert.Equal("Information", await phone.TitleAsync()); // a new message changes nothing a glance could see
        (await counsellor.SendPage(id, "sv", "i-fara-nu")).Value();
        await phone.Locator("#messages .msg-page a.msg-page-read").ClickAsync();
        await Expect(phone.Locator("#reader .help-article h1")).ToHaveTextAsync("Om du är i fara nu");
        await phone.ClickAsync("#reader-back-end");
        (await counsellor.End(id)).Value();
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        Assert.Equal("Information", await phone.TitleAsync());
        Assert.Equal(["chat.token"], await phone.EvaluateAsync<string[]>("Object.keys(sessionStorage)"));
        Assert.Equal(0, await phone.EvaluateAsync<int>("localStorage.length"));

        foreach (var path in new[] { "/sv", "/sv/i-fara-nu", "/en/i-fara-nu" })
        {
            await phone.GotoAsync(path);
            Assert.Equal("Information", await phone.TitleAsync());
        }

        Assert.Empty(await context.CookiesAsync());
        var origin = Base.GetLeftPart(UriPartial.Authority);
        var socketOrigin = "ws" + origin[4..];
        lock (requests)
        {
            Assert.Contains(requests, url => url.StartsWith(socketOrigin + "/hubs/youth")); // the recording sees the socket too
            Assert.Contains(requests, url => url.Contains("/help-article/sv/i-fara-nu"));
            var elsewhere = requests.Where(url => !url.StartsWith(origin + "/") && !url.StartsWith(socketOrigin + "/")).ToList();
            Assert.True(elsewhere.Count == 0, "requests to other origins:\n" + string.Join("\n", elsewhere));
        }
        problems.AssertNone();
    }
}
