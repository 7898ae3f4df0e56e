namespace Chat.Server.Staff;

public static class StaffRoles
{
    public const string Counsellor = "counsellor";
    public const string Admin = "admin";
    // Keeps the service directory (Handover/); admins may too.
    public const string Coordinator = "coordinator";
    public const string DirectoryEditors = Coordinator + "," + Admin;
    // Coordinators write the help pages (Content/) too, and admins may.
    public const string PageEditors = Coordinator + "," + Admin;
    // A member of a partner service (account field service): takes live handovers at that service's desk.
    public const string Partner = "partner";

    // Who sits at a desk and takes chats: this service's counsellors and partner services' members.
    public const string Desk = Counsellor + "," + Partner;
    // The live dashboard and the statistics.
    public const string Dashboard = Coordinator + "," + Admin;
    // Who may open the staff hub at all; each of its methods then names its own roles (StaffMethodGuard).
    public const string Anyone = Counsellor + "," + Partner + "," + Coordinator + "," + Admin;
}

public static class StaffClaims
{
    public const string DisplayName = "display_name";
    public const string Service = "service";
    // The sign-in session (StaffSessions) and when it ends, in ms since 1970.
    public const string Session = "session";
    public const string SessionExpires = "session_expires";
    // A session that may only set a new password (/staff/password): it carries no role.
    public const string MustChangePassword = "must_change_password";

    public static bool HasExpired(System.Security.Claims.ClaimsPrincipal? user, DateTimeOffset now) =>
        !long.TryParse(user?.FindFirst(SessionExpires)?.Value, out var expires) || expires <= now.ToUnixTimeMilliseconds();

    public static bool MustChange(System.Security.Claims.ClaimsPrincipal? user) => user?.HasClaim(MustChangePassword, "1") == true;
}
