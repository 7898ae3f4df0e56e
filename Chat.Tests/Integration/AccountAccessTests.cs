using System.Net;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Tests.Integration;

// Admins disable, enable and reset accounts on /staff/accounts; a password an admin chose is replaced at first sign-in.
public sealed class AccountAccessTests : ChatTest
{
    private const string OwnPassword = "min egen mening är bättre";

    [Fact]
    public async Task ADisabledAccountIsRefusedAfterThePasswordCheckAndItsOpenConnectionIsClosed()
    {
        var admin = await Admin();
        await using var ulla = await Counsellor.SignIn(App, "ulla");
        var closed = ulla.Hub.WhenClosed(ChatApp.Timeout);
        var cookie = await App.SignIn("ulla");

        var disabled = await App.AccountAction(admin, "ulla", "disable");

        Assert.Equal((HttpStatusCode.Redirect, "/staff/accounts?done=disabled"), (disabled.Status, disabled.Location));
        await closed;
        Assert.Equal(HubConnectionState.Disconnected, ulla.Hub.State);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Ask(HttpMethod.Get, "/staff", cookie)).Status);
        Assert.Equal("/staff/signin?error=disabled", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
        // A wrong password says only that, so the refusal tells nothing to someone who does not know the password.
        Assert.Equal("/staff/signin?error=invalid", (await App.TrySignIn("ulla", "not the password at all")).Location);
        Assert.Contains("Avstängt", await Accounts(admin));
    }

    [Fact]
    public async Task ADisabledCounsellorIsTakenOffDutyTheirPeriodRecordedAndTheirChatKeptForACoordinator()
    {
        var admin = await Admin();
        var (youth, ulla, id) = await Youth.Matched(App);
        Own(youth);
        Own(ulla);

        await App.AccountAction(admin, "ulla", "disable");

        var duty = App.Get<DutyRoster>();
        Assert.DoesNotContain("ulla", await duty.OnDuty());
        Assert.False((await duty.Status("ulla")).OnDuty);
        var today = App.Get<Chat.Server.Stats.Counters>().TodayDate;
        Assert.Equal("ulla", Assert.Single((await App.Get<Chat.Server.Opening.ShiftLog>().Day(today)).Periods).User);
        Assert.Equal("active", (await App.Get<Chat.Server.Conversations.ConversationStore>().Find(id))!.State);
    }

    [Fact]
    public async Task AReEnabledAccountSignsInAgain()
    {
        var admin = await Admin();
        await App.CreateStaff("ulla");
        await App.AccountAction(admin, "ulla", "disable");

        var enabled = await App.AccountAction(admin, "ulla", "enable");

        Assert.Equal("/staff/accounts?done=enabled", enabled.Location);
        var (landing, cookie) = await App.TrySignIn("ulla", ChatApp.Password);
        Assert.Equal("/staff", landing);
        await using var ulla = await Counsellor.Connect(App, cookie);
        Assert.True((await ulla.GoOnDuty(1)).Value().OnDuty);
    }

    [Fact]
    public async Task AnAdminCannotDisableOrResetThemselves()
    {
        var admin = await Admin();
        Assert.DoesNotContain("id=\"access-ada\"", await Accounts(admin, decode: false));

        // A forged post naming the admin's own form changes nothing.
        await App.CreateStaff("ulla");
        using var client = App.NewClient();
        var form = await HtmlForm.Load(client, "/staff/accounts", "access-ulla", admin);
        using var forged = await form.Set("_handler", "access-ada").Set("do", "disable").Post(client);
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.False((await App.Get<StaffAccounts>().Find("ada"))!.Disabled);
        Assert.Equal(HttpStatusCode.OK, (await App.Ask(HttpMethod.Get, "/staff/accounts", admin)).Status);
    }

    [Fact]
    public async Task AForcedResetEndsTheSessionsAndTheTemporaryPasswordOpensOnlyThePasswordPage()
    {
        var admin = await Admin();
        await using var ulla = await Counsellor.SignIn(App, "ulla");
        var closed = ulla.Hub.WhenClosed(ChatApp.Timeout);

        var reset = await App.AccountAction(admin, "ulla", "reset");

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        var temporary = StaffForms.TemporaryPassword(reset.Html);
        Assert.Null(PasswordRules.Problem(temporary, "ulla", "Name of ulla"));
        await closed;
        await RedisHolds.Nowhere(App, temporary);
        Assert.Equal("/staff/signin?error=invalid", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
        // Shown once: the list asked again does not show it.
        Assert.DoesNotContain(temporary, await Accounts(admin));

        var (landing, restricted) = await App.TrySignIn("ulla", temporary);
        Assert.Equal("/staff/password", landing);
        await OnlyThePasswordPage(restricted);

        var (changed, full) = await App.ChangePassword(restricted, temporary, OwnPassword);
        Assert.Equal("/staff", changed);
        await using var back = await Counsellor.Connect(App, full);
        Assert.True((await back.GoOnDuty(1)).Value().OnDuty);
        Assert.Equal("/staff/signin?error=invalid", (await App.TrySignIn("ulla", temporary)).Location);
    }

    [Fact]
    public async Task AnAccountAnAdminCreatedMustSetItsOwnPasswordAtFirstSignIn()
    {
        await App.Get<StaffAccounts>().Create("kim", "Kim", ChatApp.Password, [StaffRoles.Counsellor], mustChangePassword: true);

        var (landing, restricted) = await App.TrySignIn("kim", ChatApp.Password);

        Assert.Equal("/staff/password", landing);
        Assert.Contains("Välj ett eget lösenord", WebUtility.HtmlDecode(await Page("/staff/password", restricted)));
        await OnlyThePasswordPage(restricted);
        // The rules apply, and the old password is the proof.
        Assert.Equal("/staff/password?error=password-has-name", (await App.ChangePassword(restricted, ChatApp.Password, "kim kim kim kim kim")).Location);
        Assert.Equal("/staff/password?error=password-mismatch", (await App.ChangePassword(restricted, ChatApp.Password, OwnPassword, "something else entirely")).Location);
        Assert.Equal("/staff/password?error=wrong-password", (await App.ChangePassword(restricted, "not the password at all", OwnPassword)).Location);
        Assert.Equal("/staff", (await App.ChangePassword(restricted, ChatApp.Password, OwnPassword)).Location);
        Assert.Equal("/staff", (await App.TrySignIn("kim", OwnPassword)).Location);
    }

    [Fact]
    public async Task StaffChangeTheirOwnPasswordLaterAndTheirOtherSessionsEnd()
    {
        await App.CreateStaff("ulla");
        var other = await App.SignIn("ulla");
        var cookie = await App.SignIn("ulla");

        var (landing, fresh) = await App.ChangePassword(cookie, ChatApp.Password, OwnPassword);

        Assert.Equal("/staff/password?done=changed", landing);
        Assert.Contains("Lösenordet är bytt", WebUtility.HtmlDecode(await Page(landing, fresh)));
        Assert.Equal(HttpStatusCode.Redirect, (await App.Ask(HttpMethod.Get, "/staff", other)).Status);
        Assert.Equal(HttpStatusCode.OK, (await App.Ask(HttpMethod.Get, "/staff", fresh)).Status);
        Assert.Equal("/staff/signin?error=invalid", (await App.TrySignIn("ulla", ChatApp.Password)).Location);
    }

    // Every other page sends the session to the password page; the staff hub refuses it outright.
    private async Task OnlyThePasswordPage(string restricted)
    {
        foreach (var page in (string[])["/staff", "/staff/accounts", "/staff/directory", "/staff/pages", "/staff/audit"])
            Assert.Equal((HttpStatusCode.Redirect, "/staff/password"), await App.Ask(HttpMethod.Get, page, restricted));
        Assert.Equal(HttpStatusCode.OK, (await App.Ask(HttpMethod.Get, "/staff/password", restricted)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await App.Ask(HttpMethod.Post, "/hubs/staff/negotiate?negotiateVersion=1", restricted)).Status);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Counsellor.Connect(App, restricted));
        Assert.Contains("403", error.ToString());
    }

    private async Task<string> Admin()
    {
        await App.CreateStaff("ada", StaffRoles.Admin, StaffRoles.Counsellor);
        return await App.SignIn("ada");
    }

    private async Task<string> Accounts(string admin, bool decode = true)
    {
        using var client = App.NewClient();
        return await ChatApp.PageAs(client, "/staff/accounts", admin, decode);
    }

    private async Task<string> Page(string path, string cookie)
    {
        using var client = App.NewClient();
        return await ChatApp.PageAs(client, path, cookie, decode: false);
    }
}
