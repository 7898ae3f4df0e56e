namespace Chat.Server.Staff;

public static class StaffRoles
{
    public const string Counsellor = "counsellor";
    public const string Admin = "admin";
    // Keeps the service directory (Handover/); admins may too.
    public const string Coordinator = "coordinator";
    public const string DirectoryEditors = Coordinator + "," + Admin;
}

public static class StaffClaims
{
    public const string DisplayName = "display_name";
}
