using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// A young person about to share a phone number is asked first, calmly, and decides: change it, or send it anyway.
public sealed class ShareCheckJourneyTests : BrowserTest
{
    [Fact]
    public async Task AYoungPersonIsAskedBeforeSharingAPhoneNumberAndDecides()
    {
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var (phone, counsellor, problems) = await InAChat(context);
        await using var _ = counsellor;
        var check = phone.Locator("#share-check");

        await phone.FillAsync("#message-input", "ring mig på 070-123 45 67");
        await phone.ClickAsync("#send");
        await Expect(phone.Locator("#share-check-text")).ToHaveTextAsync(
            "Det du skriver ser ut som ett telefonnummer. Vill du verkligen dela det? Du är anonym här, och du behöver inte berätta vem du är.");
        await Expect(phone.Locator("#share-check-edit")).ToBeFocusedAsync();
        await phone.SaveScreenshotAsync("1-asked");

        await phone.ClickAsync("#share-check-edit");
        await Expect(check).ToBeHiddenAsync();
        await Expect(phone.Locator("#message-input")).ToHaveValueAsync("ring mig på 070-123 45 67"); // nothing lost
        await Expect(phone.Locator("#message-input")).ToBeFocusedAsync();
        await phone.FillAsync("#message-input", "kan du ringa mig?");
        await phone.ClickAsync("#send");
        Assert.Equal("kan du ringa mig?", (await counsellor.Next("text")).Text); // the number never went out

        await phone.FillAsync("#message-input", "Storgatan 12 och lisa@example.se");
        await phone.ClickAsync("#send");
        await Expect(phone.Locator("#share-check-text")).ToContainTextAsync("ser ut som en e-postadress och en adress.");
        await phone.ClickAsync("#share-check-send");
        await Expect(check).ToBeHiddenAsync();
        Assert.Equal("Storgatan 12 och lisa@example.se", (await counsellor.Next("text")).Text);
        await Expect(phone.Locator("#messages .msg-youth")).ToHaveCountAsync(2);
        await Expect(phone.Locator("#message-input")).ToHaveValueAsync("");
        problems.AssertNone();
    }

    private async Task<(IPage Phone, Counsellor Counsellor, PageProblems Problems)> InAChat(IBrowserContext context)
    {
        var counsellor = await Counsellor.SignIn(App, "ulla");
        (await counsellor.GoOnDuty(1)).Value();
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        var waiting = Assert.Single(await counsellor.QueueOf(1));
        (await counsellor.Take(waiting.ConversationId)).Value();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        return (phone, counsellor, problems);
    }
}
