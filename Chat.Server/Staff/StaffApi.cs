using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Staff;

// Staff sign-in, sign-out and first-admin setup: plain form posts from the server-rendered pages
// (antiforgery-checked), each answering with a redirect.
public static class StaffApi
{
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration("Staff").ValidateOnStart();
        services.AddOptions<AuditOptions>().BindConfiguration("Audit").ValidateOnStart();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DutyRoster>();
        services.AddSingleton<FirstSignIn>();
        services.AddHostedService(sp => sp.GetRequiredService<FirstSignIn>());
        services.AddAuthorization();
        services.AddSignalR().AddHubOptions<StaffHub>(options => options.AddFilter(new StaffMethodGuard()));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "chat.staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.LoginPath = "/staff/signin";
            options.AccessDeniedPath = "/staff/signin";
            // A hub connection cannot follow a redirect to a form: answer with a status instead.
            options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    public static void MapStaff(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/staff/auth");
        auth.MapPost("/signin", SignIn);
        auth.MapPost("/signout", SignOut);
        auth.MapPost("/setup", Setup);
    }

    private static async Task<IResult> SignIn(
        [FromForm] string? userName, [FromForm] string? password, StaffAccounts accounts, HttpContext http, ILogger<StaffAccounts> logger)
    {
        var account = await accounts.Verify(userName, password);
        if (account is null)
        {
            StaffLog.SignInFailed(logger);
            return Results.Redirect("/staff/signin?error=invalid");
        }
        await http.SignInAsync(Principal(account));
        return Results.Redirect(Landing(account.Roles));
    }

    // Where someone works: the console for anyone who takes chats (counsellors, partner services' members),
    // else the directory for coordinators, else the accounts for admins. No known role: the console,
    // which sends them back to sign in.
    private static string Landing(IReadOnlyList<string> roles) =>
        roles.Contains(StaffRoles.Counsellor) || roles.Contains(StaffRoles.Partner) ? "/staff"
        : roles.Contains(StaffRoles.Coordinator) ? "/staff/directory"
        : roles.Contains(StaffRoles.Admin) ? "/staff/accounts"
        : "/staff";

    // Binds no form field, so the antiforgery middleware's verdict is not enforced for it: check here.
    private static async Task SignOut(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await http.SignOutAsync();
        http.Response.Redirect("/staff/signin");
    }

    private static async Task<IResult> Setup(
        [FromForm] string? code, [FromForm] string? userName, [FromForm] string? displayName, [FromForm] string? password,
        StaffAccounts accounts, FirstSignIn firstSignIn, HttpContext http, ILogger<StaffAccounts> logger)
    {
        if (await accounts.Any()) return Results.Redirect("/staff/setup?error=setup-closed");
        if (!firstSignIn.Matches(code)) return Results.Redirect("/staff/setup?error=invalid-code");
        try
        {
            var account = await accounts.Create(userName, displayName, password, [StaffRoles.Admin, StaffRoles.Counsellor], onlyIfNone: true);
            firstSignIn.Close();
            StaffLog.FirstAdminCreated(logger);
            await http.SignInAsync(Principal(account));
            return Results.Redirect("/staff");
        }
        catch (StaffError error)
        {
            return Results.Redirect($"/staff/setup?error={error.Code}");
        }
    }

    public static ClaimsPrincipal Principal(StaffAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(ClaimTypes.Name, account.UserName),
            new(StaffClaims.DisplayName, account.DisplayName),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (account.Service.Length > 0) claims.Add(new Claim(StaffClaims.Service, account.Service));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/hubs")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
