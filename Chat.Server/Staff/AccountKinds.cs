namespace Chat.Server.Staff;

// What a person is, as an admin picks it for a new account, and the roles that come with it.
public sealed record AccountKind(string Code, string Label, IReadOnlyList<string> Roles);

public static class AccountKinds
{
    public const string Partner = "partner";

    public static readonly IReadOnlyList<AccountKind> All =
    [
        new("counsellor", "Kurator", [StaffRoles.Counsellor]),
        new("counsellor-coordinator", "Kurator och samordnare", [StaffRoles.Counsellor, StaffRoles.Coordinator]),
        new("coordinator", "Samordnare", [StaffRoles.Coordinator]),
        new("admin", "Administratör", [StaffRoles.Admin, StaffRoles.Counsellor]),
        new(Partner, "Personal på en samarbetsverksamhet", [StaffRoles.Partner]),
    ];

    public static AccountKind? Find(string? code) => All.FirstOrDefault(kind => kind.Code == code);

    // The roles of any account (even one made before these kinds, or by hand) in the admins' words.
    public static string RoleWords(IEnumerable<string> roles) =>
        string.Join(", ", roles.Select(role => role switch
        {
            StaffRoles.Counsellor => "kurator",
            StaffRoles.Coordinator => "samordnare",
            StaffRoles.Admin => "administratör",
            StaffRoles.Partner => "personal på en samarbetsverksamhet",
            _ => role,
        }));
}
