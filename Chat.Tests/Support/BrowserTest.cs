using Microsoft.Playwright;

namespace Chat.Tests.Support;

// The real service on Kestrel (a browser needs a socket), one per test, with helpers for the journeys.
public abstract class BrowserTest(IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected ChatApp App { get; } = ChatApp.OnSharedRedis(settings);
    protected Uri Base { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Base = App.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    // A counsellor's console in a desktop window, signed in through the real form; problems watched from the first page.
    // service: the console of a partner service's member instead of a counsellor's.
    protected async Task<(IPage Page, PageProblems Problems)> SignedInConsole(IBrowserContext desk, string userName, string? service = null)
    {
        if (service is null) await App.CreateStaff(userName);
        else await App.CreateMember(userName, service);
        var (page, problems) = await SignedIn(desk, userName, "/staff");
        // Ready means signed in and connected: the duty button is enabled only over a live hub connection.
        await Expect(page.Locator("#go-on-duty")).ToBeEnabledAsync();
        return (page, problems);
    }

    // A staff member signed in through the real form, on the page sign-in sends them to.
    protected Task<(IPage Page, PageProblems Problems)> SignedIn(IBrowserContext desk, string userName, string landing) =>
        SignedIn(desk, Base, userName, landing);

    // The same on any node at baseUri (a test that starts its own node processes has no App of this class).
    public static async Task<(IPage Page, PageProblems Problems)> SignedIn(IBrowserContext desk, Uri baseUri, string userName, string landing)
    {
        var page = await desk.NewPageAsync();
        var problems = new PageProblems(page);
        await page.GotoAsync("/staff/signin");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", ChatApp.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        try
        {
            await page.WaitForURLAsync(new Uri(baseUri, landing).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            // Say where sign-in did land, so a rare failure here can be told apart from a slow machine.
            throw new TimeoutException($"{userName} did not reach {landing}: the page is {page.Url}", e);
        }
        return (page, problems);
    }

    // A young person on a phone starts a chat in Swedish (on this topic, if one is given) and waits.
    public static async Task<(IPage Phone, PageProblems Problems)> StartedChat(IBrowserContext context, string? topic = null)
    {
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");
        if (topic is not null) await phone.SelectOptionAsync("#topic", topic);
        await phone.ClickAsync("#start-chat");
        return (phone, problems);
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
