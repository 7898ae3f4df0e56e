using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chat.Server.Staff;

// The staff cookie: it lasts as long as its session and no longer (no sliding), and every request that can use it
// (staff pages and endpoints, the hubs) asks Redis whether its session still stands (StaffSessions.IsLive), so a
// copied cookie dies with sign-out. Scripts, styles and the young people's pages never read who is signed in, so
// they cost no Redis call.
public static class StaffCookie
{
    public static void Configure(CookieAuthenticationOptions options, StaffOptions staff)
    {
        options.Cookie.Name = "chat.staff";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = staff.SessionLifetime;
        options.SlidingExpiration = false;
        options.LoginPath = "/staff/signin";
        options.AccessDeniedPath = "/staff/signin";
        options.Events.OnValidatePrincipal = Validate;
        // A hub connection cannot follow a redirect to a form: answer with a status instead.
        options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized, context.RedirectUri);
        // A session that must set a new password is sent to do that, wherever it tried to go.
        options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden,
            StaffClaims.MustChange(context.HttpContext.User) ? "/staff/password" : context.RedirectUri);
    }

    private static async Task Validate(CookieValidatePrincipalContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/staff") && !path.StartsWithSegments("/hubs")) return;
        var user = context.Principal;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessions>();
        if (await sessions.IsLive(user?.FindFirst(StaffClaims.Session)?.Value, user?.Identity?.Name)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status, string location)
    {
        if (context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/staff/auth/session"))
            context.Response.StatusCode = status;
        else context.Response.Redirect(location);
        return Task.CompletedTask;
    }
}
