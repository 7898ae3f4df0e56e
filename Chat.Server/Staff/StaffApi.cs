using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Chat.Server.Staff;

// Staff accounts, sign-in sessions and the staff hub's guards; the endpoints are in StaffAuthApi.
public static class StaffApi
{
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration("Staff")
            .Validate(o => o.SessionLifetime > TimeSpan.Zero, "Staff:SessionLifetime must be positive.").ValidateOnStart();
        services.AddOptions<SignInLockoutOptions>().BindConfiguration("SignInLockout")
            .Validate(o => o.MaxFailures > 0 && o.Window > TimeSpan.Zero && o.Lockout > TimeSpan.Zero, "SignInLockout needs positive values.")
            .ValidateOnStart();
        services.AddOptions<AuditOptions>().BindConfiguration("Audit").ValidateOnStart();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<AccountAccess>();
        services.AddSingleton<SignInLockout>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DutyRoster>();
        services.AddSingleton<FirstSignIn>();
        services.AddHostedService(sp => sp.GetRequiredService<FirstSignIn>());
        services.AddSingleton<StaffConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<StaffConnections>());
        services.AddSingleton<StaffSessionGuard>();
        services.AddAuthorization();
        services.AddSignalR().AddHubOptions<StaffHub>(options =>
        {
            options.AddFilter<StaffSessionGuard>();
            options.AddFilter(new StaffMethodGuard());
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<StaffOptions>>((cookie, staff) => StaffCookie.Configure(cookie, staff.Value));
        return services;
    }

    public static void MapStaff(this IEndpointRouteBuilder app) => app.MapStaffAuth();

    // A session that must set a new password carries no role, so every page and hub method that names roles refuses it.
    public static ClaimsPrincipal Principal(StaffAccount account, StaffSession session)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(ClaimTypes.Name, account.UserName),
            new(StaffClaims.DisplayName, account.DisplayName),
            new(StaffClaims.Session, session.Id),
            new(StaffClaims.SessionExpires, session.Expires.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (account.MustChangePassword) claims.Add(new Claim(StaffClaims.MustChangePassword, "1"));
        else claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (account.Service.Length > 0) claims.Add(new Claim(StaffClaims.Service, account.Service));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
