using System.Text.Json;
using Chat.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Chat.Tests.Browser;

// Issue 9: on a "Slow 3G"-like network a young person can send a first message within 5 s of opening the page.
// The one timed test in the suite, because the issue asks for it. What is timed is the page's own work, measured
// inside the page (performance.now(), from the start of the navigation) so the test's own steps add nothing:
//   navigation start → the start button is enabled (page, styles and youth.js loaded, hub negotiated and connected)
//   + pressing "start" → the queue view shows (the Start call)
//   + pressing "send" → the message shows in the young person's transcript (stored and sent back by the server).
// Not timed: a counsellor taking the chat (a person, not the page), and the test's clicks between the steps.
// The network: Chromium's emulation at 400 ms latency and 50,000 bytes/s each way, cache off (NetworkLog.Slow3G).
// Chromium delays every HTTP request, the WebSocket's upgrade included, but not the frames on an open WebSocket:
// so the three waits on a frame's answer (SignalR's handshake, Start, Send) each get the 400 ms added by hand.
public sealed class SlowNetworkTests(ITestOutputHelper output) : BrowserTest
{
    const double BudgetMs = 5_000;
    const int FrameRoundTrips = 3;

    // Page times of each step, taken by the page itself from the first byte of the document on.
    const string StepTimes = """
        window.steps = {};
        const mark = (step) => { window.steps[step] ??= performance.now(); };
        new MutationObserver(() => {
          const start = document.getElementById('start-chat');
          if (start && !start.disabled) mark('ready');
          if (document.getElementById('waiting')?.hidden === false) mark('waiting');
          if (document.querySelector('#messages .msg-own')) mark('sent');
        }).observe(document, { subtree: true, childList: true, attributes: true });
        document.addEventListener('submit', (event) => mark(event.target.id), true);
        """;

    // When each response started and ended (ms from the navigation's start), to see where the time goes.
    const string Timeline = """
        performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
          .map(e => `${Math.round(e.startTime).toString().padStart(6)} ${Math.round(e.responseEnd).toString().padStart(6)}  ${new URL(e.name).pathname}`)
          .join('\n')
        """;

    [Fact]
    public async Task OnSlow3GAYoungPersonCanSendAFirstMessageWithinFiveSecondsOfOpeningThePage()
    {
        await using var counsellor = await Counsellor.SignIn(App, "ulla");
        (await counsellor.GoOnDuty(3)).Value();

        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.AddInitScriptAsync(StepTimes);
        var network = await NetworkLog.Slow3G(phone);

        await phone.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
        await phone.ClickAsync("#start-chat"); // waits until the button is enabled
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        var id = (await counsellor.QueueOf(1))[0].ConversationId;
        (await counsellor.Take(id)).Value();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", "Hej, jag vill prata om en sak");
        await phone.ClickAsync("#send");
        await Expect(phone.Locator("#messages .msg-own")).ToContainTextAsync("Hej, jag vill prata om en sak");

        var steps = JsonSerializer.Deserialize<Dictionary<string, double>>(await phone.EvaluateAsync<string>("JSON.stringify(window.steps)"))!;
        var ready = steps["ready"];
        var start = steps["waiting"] - steps["start-form"];
        var send = steps["sent"] - steps["send-form"];
        var frames = FrameRoundTrips * NetworkLog.Slow3GLatencyMs;
        var total = ready + start + send + frames;
        var figures = $"ready to start {ready:N0} ms + start {start:N0} ms + send {send:N0} ms + WebSocket latency {frames:N0} ms"
            + $" = {total:N0} ms (budget {BudgetMs:N0})";
        output.WriteLine(figures);
        output.WriteLine(await phone.EvaluateAsync<string>(Timeline));
        output.WriteLine(network.Breakdown());
        Assert.True(total <= BudgetMs, $"on Slow 3G the page's own work took {figures}");
        problems.AssertNone();
    }
}
