using Chat.Server.Content;
using Chat.Server.Handover;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A corpus of hostile text goes in through the real forms and hubs wherever someone's words are shown: chat messages
// both ways, a counsellor's display name, a handover summary, a service's name, offer and contact (console, phone,
// directory, statistics), the dashboard and the accounts page, a help page's title and Markdown. Headless Chromium
// renders each page: nothing may run (each payload would set window.__xss, a dialog fails the test), no element may
// carry an event handler or a javascript: address, and the words are shown as text.
public sealed class XssCorpusJourneyTests : BrowserTest
{
    public static readonly string[] Corpus =
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=1\">",
        "<svg/onload=window.__xss=1>",
        "javascript:window.__xss=1",
        "\"><a href=\"javascript:window.__xss=1\">länk</a>",
        "<b onmouseover=window.__xss=1>trasig <i",
        "${window.__xss=1}`${alert(1)}`",
        "\u202Eevil<iframe srcdoc=\"<script>parent.__xss=1</script>\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
        "{{constructor.constructor('window.__xss=1')()}}",
    ];

    private const string DisplayName = "<img src=x onerror=window.__xss=1>";
    private const string ServiceName = "<svg onload=window.__xss=1>Stöd\u202Ecentrum";
    private readonly List<string> _dialogs = [];

    [Fact]
    public async Task HostileTextIsShownAsTextEverywhereAndNeverRuns()
    {
        var stod = await Handovers.Seeded(App, "stodcentrum");
        await App.Get<ServiceDirectory>().Save(stod with { Name = ServiceName, Offers = Corpus[1], Contact = Corpus[4] });
        var accounts = App.Get<StaffAccounts>();
        await accounts.Create("ulla", DisplayName, ChatApp.Password, [StaffRoles.Counsellor]);
        await accounts.Create("cora", Corpus[6][..30], ChatApp.Password, [StaffRoles.Coordinator]);
        await accounts.Create("adam", "Adam", ChatApp.Password, [StaffRoles.Admin]);
        var pages = App.Get<HelpPages>();
        var page = await pages.Save("sv", "xss-prov", $"# {Corpus[2]}\n\n{string.Join("\n\n", Corpus)}\n\n[klick](javascript:window.__xss=1)\n", 0, "cora");
        await pages.Publish("sv", "xss-prov", page.Version);

        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (console, _) = await SignedIn(desk, "ulla", "/staff");
        Watch(console);
        await Expect(console.Locator("#go-on-duty")).ToBeEnabledAsync();
        await console.ClickAsync("#go-on-duty");
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        Watch(phone);
        await phone.GotoAsync("/");
        await phone.SelectOptionAsync("#age-band", "16-17");
        await phone.ClickAsync("#start-chat");
        await console.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(phone.Locator("#messages .msg-system")).ToContainTextAsync(DisplayName);

        var panel = console.Locator(".staff-chat");
        foreach (var text in Corpus)
        {
            await phone.FillAsync("#message-input", text);
            await phone.ClickAsync("#send");
            await Expect(panel.Locator(".messages .msg-youth").Last).ToContainTextAsync(text);
            await panel.Locator("textarea.message-input").FillAsync(text);
            await panel.Locator("button.send").ClickAsync();
            await Expect(phone.Locator("#messages .msg-counsellor").Last).ToContainTextAsync(text);
        }

        await panel.Locator(".handover-tools summary").ClickAsync();
        await panel.Locator("button.load-services").ClickAsync();
        var service = panel.Locator(".service-list li.service", new() { HasText = "Stöd" });
        await Expect(service).ToContainTextAsync(ServiceName);
        await service.Locator("input").CheckAsync();
        await panel.Locator("textarea.handover-summary").FillAsync(Corpus[7]);
        await panel.Locator("button.propose-handover").ClickAsync();
        await Expect(phone.Locator("#handover-offer")).ToContainTextAsync(ServiceName);
        await Expect(phone.Locator("#handover-summary")).ToHaveTextAsync(Corpus[7]);
        await phone.ClickAsync("#handover-accept");
        await Expect(phone.Locator("#messages").Last).ToContainTextAsync(Corpus[7]);
        await AssertHarmless(phone, console);

        await using var coordinatorDesk = await Chromium.NewDesktopContextAsync(Base);
        var (dashboard, _) = await SignedIn(coordinatorDesk, "cora", "/staff/dashboard");
        Watch(dashboard);
        await Expect(dashboard.Locator("body")).ToContainTextAsync(DisplayName);
        var directory = await Open(coordinatorDesk, "/staff/directory");
        await Expect(directory.Locator("body")).ToContainTextAsync(ServiceName);
        var stats = await Open(coordinatorDesk, "/staff/stats");
        await Expect(stats.Locator("body")).ToContainTextAsync(ServiceName);
        await using var adminDesk = await Chromium.NewDesktopContextAsync(Base);
        var (accountsPage, _) = await SignedIn(adminDesk, "adam", "/staff/accounts");
        Watch(accountsPage);
        await Expect(accountsPage.Locator("body")).ToContainTextAsync(DisplayName);
        var audit = await Open(adminDesk, "/staff/audit");
        var help = await Open(phoneContext, "/sv/xss-prov");
        await Expect(help.Locator("h1")).ToHaveTextAsync(Corpus[2]);
        await Expect(help.Locator("body")).ToContainTextAsync(Corpus[0]);
        await AssertHarmless(dashboard, directory, stats, accountsPage, audit, help);
    }

    private void Watch(IPage page) => page.Dialog += (_, dialog) => { lock (_dialogs) _dialogs.Add($"{page.Url}: {dialog.Message}"); _ = dialog.DismissAsync(); };

    private async Task<IPage> Open(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        Watch(page);
        await page.GotoAsync(path);
        return page;
    }

    // Nothing ran, and nothing in the document could run: no handler attribute, no javascript: address, no frame.
    private async Task AssertHarmless(params IPage[] pages)
    {
        foreach (var page in pages)
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"a payload ran on {page.Url}");
            var armed = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                    .filter(a => a.name.startsWith('on') || /^\s*javascript:/i.test(a.value) || (e.tagName === 'IFRAME'))
                    .map(a => `${e.tagName} ${a.name}=${a.value}`))
                """);
            Assert.True(armed.Length == 0, $"{page.Url}: {string.Join(" | ", armed)}");
        }
        lock (_dialogs) Assert.True(_dialogs.Count == 0, string.Join("\n", _dialogs));
    }
}
