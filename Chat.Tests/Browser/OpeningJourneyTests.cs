using Chat.Server.Opening;
using Chat.Tests.Integration;
using Chat.Tests.Support;

namespace Chat.Tests.Browser;

// The youth page is honest about the hours: closed, it shows when the chat opens and where to turn instead of a
// start button; a page left open offers the button as soon as the chat opens (here: refreshed every second).
public sealed class OpeningJourneyTests() : BrowserTest(new Dictionary<string, string?> { ["Opening:RefreshEvery"] = "00:00:01" })
{
    private static string InThreeDays() =>
        DateOnly.FromDateTime(LocalTime.Of(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"))).AddDays(3).ToString("yyyy-MM-dd");

    [Fact]
    public async Task ClosedThePageShowsTheNextOpeningWithoutAStartButtonAndOpensByItself()
    {
        await App.Get<OpeningStore>().Save(
            OpeningHoursPageTests.Hours(["", "", "", "", "", "", ""], new OpeningForm.ExceptionRow(InThreeDays(), "18:00–21:00", "")), "kim");
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");

        await Expect(phone.Locator("#closed")).ToBeVisibleAsync();
        await Expect(phone.Locator("#closed-next")).ToContainTextAsync("Chatten öppnar igen");
        await Expect(phone.Locator("#closed-next")).ToContainTextAsync("18:00");
        await Expect(phone.Locator("#closed a[href='tel:112']")).ToBeVisibleAsync();
        await Expect(phone.Locator("#start-chat")).ToBeHiddenAsync();
        await phone.SaveScreenshotAsync("closed");

        // The coordinators open the chat around the clock: the open page offers the start button by itself.
        await App.Get<OpeningStore>().Save(OpeningHoursPageTests.Hours([.. Enumerable.Repeat("00:00–24:00", 7)]), "kim");
        await Expect(phone.Locator("#start-chat")).ToBeVisibleAsync();
        await Expect(phone.Locator("#closed")).ToBeHiddenAsync();
        await Expect(phone.Locator("#chat-status")).ToContainTextAsync("ingen kurator är inloggad just nu");
        problems.AssertNone();
    }

    [Fact]
    public async Task OpenThePageOffersTheStartButtonAndAChatStarts()
    {
        await App.Get<OpeningStore>().Save(OpeningHoursPageTests.Hours([.. Enumerable.Repeat("00:00–24:00", 7)]), "kim");
        await using var context = await Chromium.NewPhoneContextAsync(Base);
        var phone = await context.NewPageAsync();
        var problems = new PageProblems(phone);
        await phone.GotoAsync("/");

        await Expect(phone.Locator("#closed")).ToBeHiddenAsync();
        await Expect(phone.Locator("#chat-status")).ToContainTextAsync("Chatten är öppen");
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#waiting")).ToBeVisibleAsync();
        problems.AssertNone();
    }
}
