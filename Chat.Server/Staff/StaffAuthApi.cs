using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Server.Staff;

// Staff sign-in, sign-out, first-admin setup and password change: plain form posts from the server-rendered pages
// (antiforgery-checked), each answering with a redirect; and a probe the console asks whether its session still stands.
public static class StaffAuthApi
{
    public static void MapStaffAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/staff/auth");
        auth.MapPost("/signin", SignIn);
        auth.MapPost("/signout", SignOut);
        auth.MapPost("/setup", Setup);
        auth.MapPost("/password", ChangePassword).RequireAuthorization();
        auth.MapGet("/session", (HttpContext http) => http.User.Identity?.IsAuthenticated == true ? Results.NoContent() : Results.Unauthorized());
    }

    private static async Task<IResult> SignIn(
        [FromForm] string? userName, [FromForm] string? password, StaffAccounts accounts, SignInLockout lockout, StaffSessions sessions,
        AuditLog audit, HttpContext http, ILogger<StaffAccounts> logger)
    {
        var attempt = await lockout.Attempt(userName);
        if (attempt == SignInLockout.Verdict.Locked)
        {
            StaffLog.SignInLocked(logger);
            return Results.Redirect("/staff/signin?error=locked");
        }
        var account = await accounts.Verify(userName, password);
        if (account is null)
        {
            StaffLog.SignInFailed(logger);
            // Named in the audit log only if the account exists: the log must not collect what strangers typed.
            if (attempt == SignInLockout.Verdict.Locking)
                await audit.Record(AuditLog.Nobody, AuditActions.SignInLocked, await accounts.Exists(userName) ? userName!.ToLowerInvariant() : "");
            return Results.Redirect("/staff/signin?error=invalid");
        }
        await lockout.Clear(userName);
        if (account.Disabled) return Results.Redirect("/staff/signin?error=disabled");
        await Start(http, account, sessions, audit);
        return Results.Redirect(account.MustChangePassword ? "/staff/password" : Landing(account.Roles));
    }

    // A new session, its cookie (which ends with it) and its audit entry.
    private static async Task Start(HttpContext http, StaffAccount account, StaffSessions sessions, AuditLog audit)
    {
        var session = await sessions.Start(account.UserName);
        await http.SignInAsync(StaffApi.Principal(account, session), new AuthenticationProperties { ExpiresUtc = session.Expires });
        await audit.Record(account.UserName, AuditActions.SignedIn, account.UserName);
    }

    // Where someone works: the console for anyone who takes chats (counsellors, partner services' members),
    // else the live dashboard for coordinators, else the accounts for admins. No known role: the console,
    // which sends them back to sign in.
    private static string Landing(IReadOnlyList<string> roles) =>
        roles.Contains(StaffRoles.Counsellor) || roles.Contains(StaffRoles.Partner) ? "/staff"
        : roles.Contains(StaffRoles.Coordinator) ? "/staff/dashboard"
        : roles.Contains(StaffRoles.Admin) ? "/staff/accounts"
        : "/staff";

    // Binds no form field, so the antiforgery middleware's verdict is not enforced for it: check here.
    // Ends the session in Redis, so the cookie is dead even where a copy of it survives, and closes its hub connections.
    private static async Task SignOut(HttpContext http, IAntiforgery antiforgery, StaffSessions sessions, AuditLog audit)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (http.User.Identity is { IsAuthenticated: true, Name: { } user })
        {
            await sessions.End(http.User.FindFirst(StaffClaims.Session)?.Value, user);
            await audit.Record(user, AuditActions.SignedOut, user);
        }
        await http.SignOutAsync();
        http.Response.Redirect("/staff/signin");
    }

    private static async Task<IResult> Setup(
        [FromForm] string? code, [FromForm] string? userName, [FromForm] string? displayName, [FromForm] string? password,
        StaffAccounts accounts, FirstSignIn firstSignIn, StaffSessions sessions, AuditLog audit, HttpContext http, ILogger<StaffAccounts> logger)
    {
        if (await accounts.Any()) return Results.Redirect("/staff/setup?error=setup-closed");
        if (!firstSignIn.Matches(code)) return Results.Redirect("/staff/setup?error=invalid-code");
        try
        {
            var account = await accounts.Create(userName, displayName, password, [StaffRoles.Admin, StaffRoles.Counsellor], onlyIfNone: true);
            firstSignIn.Close();
            StaffLog.FirstAdminCreated(logger);
            await Start(http, account, sessions, audit);
            return Results.Redirect("/staff");
        }
        catch (StaffError error)
        {
            return Results.Redirect($"/staff/setup?error={error.Code}");
        }
    }

    // The person's own password, with the current one as proof (wrong guesses count toward the lockout). Every session
    // of the account ends, and this browser gets a new, full one.
    private static async Task<IResult> ChangePassword(
        [FromForm] string? current, [FromForm] string? password, [FromForm] string? repeat, AccountAccess access, SignInLockout lockout,
        StaffSessions sessions, AuditLog audit, HttpContext http)
    {
        var user = http.User.Identity!.Name!;
        var forced = StaffClaims.MustChange(http.User);
        if (password != repeat) return Results.Redirect("/staff/password?error=password-mismatch");
        if (await lockout.Attempt(user) == SignInLockout.Verdict.Locked) return Results.Redirect("/staff/password?error=locked");
        try
        {
            var account = await access.ChangePassword(user, current, password);
            await lockout.Clear(user);
            await audit.Record(user, AuditActions.PasswordChanged, user);
            await Start(http, account, sessions, audit);
            return Results.Redirect(forced ? Landing(account.Roles) : "/staff/password?done=changed");
        }
        catch (StaffError error)
        {
            // Only a wrong current password is a guess; a new password the rules refuse is not.
            if (error.Code != "wrong-password") await lockout.Clear(user);
            return Results.Redirect($"/staff/password?error={error.Code}");
        }
    }
}
