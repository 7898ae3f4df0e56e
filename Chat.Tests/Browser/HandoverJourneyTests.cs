using Chat.Tests.Support;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

// The warm handover as people see it: a young person on a phone, a counsellor and a member of Stödcentrum at desks.
public sealed class HandoverJourneyTests : BrowserTest
{
    private const string Summary = "Hen är 16 och blir kontrollerad av sin pojkvän. <i>Vill</i> ha stöd.";

    [Fact]
    public async Task AYoungPersonSeesTheSummaryAgreesAndIsHandedToStodcentrumInTheSameChat()
    {
        await Handovers.Live(App, "stodcentrum");
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (counsellor, counsellorProblems) = await SignedInConsole(desk, "ulla");
        await counsellor.ClickAsync("#go-on-duty");
        await using var partnerDesk = await Chromium.NewDesktopContextAsync(Base);
        var (member, memberProblems) = await SignedInConsole(partnerDesk, "sara", "stodcentrum");
        await Expect(member.Locator("#desk-service")).ToHaveTextAsync("Stödcentrum");
        Assert.False(await member.Locator("#queue-panel").IsVisibleAsync());
        await member.ClickAsync("#go-on-duty");
        await Expect(member.Locator("#duty-status")).ToContainTextAsync("I tjänst");

        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.SelectOptionAsync("#topic", "relationship-violence");
        await phone.SelectOptionAsync("#age-band", "16-17");
        await phone.ClickAsync("#start-chat");
        await counsellor.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.FillAsync("#message-input", "Det här är bara mellan oss");
        await phone.ClickAsync("#send");

        var panel = counsellor.Locator(".staff-chat");
        await Expect(panel.Locator(".messages .msg-youth")).ToContainTextAsync("bara mellan oss");
        await panel.Locator(".handover-tools summary").ClickAsync();
        await panel.Locator("button.load-services").ClickAsync();
        await panel.Locator(".services-excluded summary").ClickAsync();
        var kast = panel.Locator(".services-excluded li", new() { HasText = "KAST" });
        await Expect(kast).ToContainTextAsync("18 år");
        Assert.True(await kast.Locator("input").IsDisabledAsync());
        await panel.Locator(".service-list li.service", new() { HasText = "Stödcentrum" }).Locator("input").CheckAsync();
        await panel.Locator("textarea.handover-summary").FillAsync(Summary);
        await counsellor.SaveScreenshotAsync("handover-1-propose");
        await panel.Locator("button.propose-handover").ClickAsync();

        // The young person sees exactly the service and the summary, as text, and decides.
        var offer = phone.Locator("#handover-offer");
        await Expect(offer).ToBeVisibleAsync();
        await Expect(offer.Locator("h2")).ToHaveTextAsync("Vill du prata med Stödcentrum?");
        await Expect(phone.Locator("#handover-summary")).ToHaveTextAsync(Summary);
        Assert.Equal(0, await phone.Locator("#handover-summary i").CountAsync());
        Assert.False(await phone.Locator("#handover-share").IsCheckedAsync());
        await phone.SaveScreenshotAsync("handover-2-offer-phone");
        await phone.ClickAsync("#handover-accept");
        await Expect(offer).ToBeHiddenAsync();
        await Expect(phone.Locator("#messages .msg-system").Last).ToContainTextAsync("Du sa ja till att prata med Stödcentrum");
        await Expect(panel.Locator(".handover-status")).ToContainTextAsync("Väntar på att någon från Stödcentrum");

        var waiting = member.Locator("#desk-queue .waiting-chat");
        await Expect(waiting.Locator(".summary")).ToHaveTextAsync(Summary);
        await member.SaveScreenshotAsync("handover-3-desk");
        await waiting.Locator("button.take-handover").ClickAsync();

        await Expect(phone.Locator("#messages .msg-system").Last).ToHaveTextAsync(new Regex("Name of sara från Stödcentrum har anslutit"));
        var memberPanel = member.Locator(".staff-chat");
        await Expect(memberPanel.Locator(".messages .msg-quote")).ToHaveTextAsync(Summary);
        Assert.Equal(0, await memberPanel.Locator(".messages", new() { HasText = "bara mellan oss" }).CountAsync());
        Assert.False(await memberPanel.Locator("button.end-chat").IsVisibleAsync());

        await Expect(panel.Locator(".guest-bar")).ToBeVisibleAsync();
        await panel.Locator("textarea.message-input").FillAsync("Sara, välkommen. Jag lämnar er nu.");
        await panel.Locator("button.send").ClickAsync();
        await Expect(memberPanel.Locator(".messages .msg-counsellor")).ToContainTextAsync("Jag lämnar er nu");
        await panel.Locator("button.leave-chat").ClickAsync();
        await Expect(counsellor.Locator(".staff-chat")).ToHaveCountAsync(0);
        await Expect(phone.Locator("#messages .msg-system").Last).ToContainTextAsync("Name of ulla har lämnat chatten");

        await Expect(memberPanel.Locator("button.end-chat")).ToBeVisibleAsync();
        await memberPanel.Locator("textarea.message-input").FillAsync("Hej! Jag heter Sara. Vill du berätta?");
        await memberPanel.Locator("button.send").ClickAsync();
        var fromSara = phone.Locator("#messages .msg-counsellor").Last;
        await Expect(fromSara.Locator(".msg-author")).ToHaveTextAsync("Name of sara, Stödcentrum");
        await phone.SaveScreenshotAsync("handover-4-joined-phone");

        phoneProblems.AssertNone();
        counsellorProblems.AssertNone();
        memberProblems.AssertNone();
    }

    [Fact]
    public async Task AYoungPersonCanSayNoAndKeepsTalkingToTheSameCounsellor()
    {
        await Handovers.Live(App, "stodcentrum");
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (counsellor, counsellorProblems) = await SignedInConsole(desk, "ulla");
        await counsellor.ClickAsync("#go-on-duty");
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.SelectOptionAsync("#age-band", "13-15");
        await phone.ClickAsync("#start-chat");
        await counsellor.Locator("#queue .waiting-chat button.take").ClickAsync();

        var panel = counsellor.Locator(".staff-chat");
        await ProposeStodcentrum(panel, "Vill prata med någon om en händelse i skolan.");

        await phone.ClickAsync("#handover-decline");
        await Expect(phone.Locator("#handover-offer")).ToBeHiddenAsync();
        await Expect(panel.Locator(".handover-status")).ToContainTextAsync("nej tack");
        await phone.FillAsync("#message-input", "Jag vill hellre prata här");
        await phone.ClickAsync("#send");
        await Expect(panel.Locator(".messages .msg-youth")).ToContainTextAsync("hellre prata här");
        phoneProblems.AssertNone();
        counsellorProblems.AssertNone();
    }

    [Fact]
    public async Task AYoungPersonGetsAReturnCodeKeepsTheNoteAndComesBackToTheSameCounsellor()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (counsellor, counsellorProblems) = await SignedInConsole(desk, "ulla");
        await counsellor.ClickAsync("#go-on-duty");
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.ClickAsync("#start-chat");
        await counsellor.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(phone.Locator("#chat")).ToBeVisibleAsync();
        await phone.ClickAsync("#end-chat");
        await phone.ClickAsync("#end-confirm-yes");

        await phone.ClickAsync("#return-request");
        await Expect(phone.Locator("#return-code")).ToHaveTextAsync(new Regex("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"));
        var code = (await phone.Locator("#return-code").TextContentAsync())!;
        var panel = counsellor.Locator(".staff-chat");
        await Expect(panel.Locator(".return-note")).ToBeVisibleAsync();
        await panel.Locator("textarea.return-note-text").FillAsync("Vi pratade om sömnen.");
        await panel.Locator("button.propose-note").ClickAsync();
        await Expect(phone.Locator("#return-note-offer-text")).ToHaveTextAsync("Vi pratade om sömnen.");
        await phone.ClickAsync("#return-note-keep");
        await Expect(phone.Locator("#return-note-text")).ToHaveTextAsync("Vi pratade om sömnen.");
        await Expect(panel.Locator(".return-note-status")).ToContainTextAsync("sparade");
        await phone.SaveScreenshotAsync("return-1-code");

        await phone.ClickAsync("#start-again");
        await phone.Locator("#have-code summary").ClickAsync();
        await phone.FillAsync("#start-code", code.ToLowerInvariant());
        await phone.ClickAsync("#start-chat");
        await Expect(phone.Locator("#return-to")).ToHaveTextAsync("Vi frågar Name of ulla först.");
        await counsellor.Locator("#queue .waiting-chat button.take").ClickAsync();
        await Expect(counsellor.Locator(".staff-chat .msg-quote", new() { HasText = "Vi pratade om sömnen." }).Last).ToBeVisibleAsync();
        await Expect(phone.Locator("#messages .msg-quote")).ToHaveTextAsync("Vi pratade om sömnen.");
        phoneProblems.AssertNone();
        counsellorProblems.AssertNone();
    }

    [Fact]
    public async Task AYoungPersonWhoSaysYesToACodeKeepsSeeingItAfterTheChatEndsAndAfterAReload()
    {
        await using var desk = await Chromium.NewDesktopContextAsync(Base);
        var (counsellor, counsellorProblems) = await SignedInConsole(desk, "ulla");
        await counsellor.ClickAsync("#go-on-duty");
        await using var phoneContext = await Chromium.NewPhoneContextAsync(Base);
        var phone = await phoneContext.NewPageAsync();
        var phoneProblems = new PageProblems(phone);
        await phone.GotoAsync("/");
        await phone.SelectOptionAsync("#age-band", "16-17");
        await phone.ClickAsync("#start-chat");
        await counsellor.Locator("#queue .waiting-chat button.take").ClickAsync();

        var panel = counsellor.Locator(".staff-chat");
        await ProposeStodcentrum(panel, "Vill ha stöd efter ett rån.");

        await Expect(phone.Locator("#handover-code-text")).ToBeVisibleAsync();
        await phone.CheckAsync("#handover-may-open");
        await phone.ClickAsync("#handover-accept");
        var code = phone.Locator("#pickup-code");
        await Expect(code).ToHaveTextAsync(new Regex("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"));
        var shown = await code.TextContentAsync();
        await Expect(panel.Locator(".handover-status")).ToContainTextAsync("har fått en kod");

        await panel.Locator("button.end-chat").ClickAsync();
        await panel.Locator(".end-confirm-yes").ClickAsync();
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await Expect(code).ToHaveTextAsync(shown!);
        // Ulla, of this service, held the chat to the end: coming back to the same person is offered too.
        await Expect(phone.Locator("#return")).ToBeVisibleAsync();
        await phone.ReloadAsync();
        await Expect(phone.Locator("#ended")).ToBeVisibleAsync();
        await Expect(phone.Locator("#pickup-code")).ToHaveTextAsync(shown!);
        await phone.SaveScreenshotAsync("code-1-after-reload");
        phoneProblems.AssertNone();
        counsellorProblems.AssertNone();
    }

    // The counsellor opens "Lämna över", lists the services, picks Stödcentrum and asks the young person.
    private static async Task ProposeStodcentrum(ILocator panel, string summary)
    {
        await panel.Locator(".handover-tools summary").ClickAsync();
        await panel.Locator("button.load-services").ClickAsync();
        await panel.Locator(".service-list li.service", new() { HasText = "Stödcentrum" }).Locator("input").CheckAsync();
        await panel.Locator("textarea.handover-summary").FillAsync(summary);
        await panel.Locator("button.propose-handover").ClickAsync();
    }
}
