using System.Net;
using Chat.Server.Staff;

namespace Chat.Tests.Support;

public sealed partial class WholeService
{
    private async Task<(HttpClient Client, string Session)> CoordinatorPages()
    {
        if (!Seen.ContainsKey("staff:kim")) await app.CreateStaff("kim", StaffRoles.Coordinator);
        return (app.NewClient(), await app.SignIn("kim"));
    }

    // A coordinator writes and publishes a page, a reader reads it, a counsellor sends it into a chat.
    private async Task HelpPages()
    {
        var (client, session) = await CoordinatorPages();
        using (client)
        {
            var create = await HtmlForm.Load(client, "/staff/pages", "new-page-form", session);
            using (var opened = await create.Set("slug", "prov-sida").Set("language", "sv").Post(client))
                Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            var edit = await HtmlForm.Load(client, "/staff/pages/sv/prov-sida", "page-form", session);
            using (var saved = await edit.Set("markdown", "# Provsida\n\nRing 112 om det brinner.\n").Set("do", "save").Post(client))
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var publish = await HtmlForm.Load(client, "/staff/pages/sv/prov-sida?done=saved", "page-form", session);
            using (var published = await publish.Set("do", "publish").Post(client))
                Assert.Equal("/staff/pages/sv/prov-sida?done=published", published.Headers.Location?.PathAndQuery);
            using var read = await client.GetAsync("/sv/prov-sida").Within(ChatApp.Timeout, "GET /sv/prov-sida");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        await using var ulla = await Counsellor.Connect(app, await app.SignIn("ulla"));
        (await ulla.GoOnDuty(3)).Value();
        var (youth, id) = await NewChat(ulla);
        await using (youth)
        {
            (await ulla.SendPage(id, "sv", "prov-sida")).Value();
            await youth.Next("page");
            await Observe();
            (await youth.End()).Value();
            (await ulla.WrapUp(id, null, null, "support-given")).Value();
            Ended(id);
        }
        (await ulla.GoOffDuty()).Value();
        await Observe();
    }

    // A coordinator reads the statistics and downloads them, saves the chat's hours (open all week) and a quick reply.
    private async Task OpeningHoursAndStatistics()
    {
        var (client, session) = await CoordinatorPages();
        using (client)
        {
            await ChatApp.PageAs(client, "/staff/stats", session);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            using (var csv = await ChatApp.SendAs(client, HttpMethod.Get, $"/staff/stats/export?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}", session))
                Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var hours = await HtmlForm.Load(client, "/staff/hours", "hours-form", session);
            hours.Set("hoursKnown", "yes");
            for (var day = 0; day < 7; day++) hours.Set($"day{day}", "00:00-24:00");
            using (var saved = await hours.Post(client))
                Assert.Equal("/staff/hours?done=saved", saved.Headers.Location?.PathAndQuery);
            var replies = await HtmlForm.Load(client, "/staff/quick-replies", "quick-replies-form", session);
            using (var saved = await replies.Set("label0", "Hälsning").Set("text0", "Hej! Vad bra att du skriver.").Post(client))
                Assert.Equal("/staff/quick-replies?done=saved", saved.Headers.Location?.PathAndQuery);
        }
        await Observe();
    }

    // A coordinator watches the dashboard and follows a chat silently, then leaves it; the chat ends.
    private async Task DashboardWithASilentFollow()
    {
        await using var cora = await Coordinator.SignIn(app, "cora");
        (await cora.Watch()).Value();
        await using var ulla = await Counsellor.Connect(app, await app.SignIn("ulla"));
        (await ulla.GoOnDuty(3)).Value();
        var (youth, id) = await NewChat(ulla);
        await using (youth)
        {
            (await cora.JoinSilently(id)).Value();
            (await youth.Send(Text("Följd tyst Q5577"))).Value();
            await cora.Messages.NextAsync(ChatApp.Timeout);
            await Observe();
            (await cora.LeaveSilently(id)).Value();
            (await ulla.End(id)).Value();
            (await ulla.WrapUp(id, null, null, "support-given")).Value();
            Ended(id);
        }
        (await ulla.GoOffDuty()).Value();
        await Observe();
    }
}
