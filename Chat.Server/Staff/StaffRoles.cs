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
}

public static class StaffClaims
{
    public const string DisplayName = "display_name";
    public const string Service = "service";
}
