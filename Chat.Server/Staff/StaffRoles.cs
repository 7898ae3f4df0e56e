namespace Chat.Server.Staff;

public static class StaffRoles
{
    public const string Counsellor = "counsellor";
    public const string Admin = "admin";
}

public static class StaffClaims
{
    public const string DisplayName = "display_name";
}
