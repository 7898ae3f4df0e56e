using Chat.Client.Texts;

namespace Chat.Server.Staff;

// What a person is, as an admin picks it for a new account, and the roles that come with it. Label: its text's key.
public sealed record AccountKind(string Code, string Label, IReadOnlyList<string> Roles);

public static class AccountKinds
{
    public const string Partner = "partner";

    public static readonly IReadOnlyList<AccountKind> All =
    [
        new("counsellor", "accounts.kind.counsellor", [StaffRoles.Counsellor]),
        new("counsellor-coordinator", "accounts.kind.counsellor-coordinator", [StaffRoles.Counsellor, StaffRoles.Coordinator]),
        new("coordinator", "accounts.kind.coordinator", [StaffRoles.Coordinator]),
        new("admin", "accounts.kind.admin", [StaffRoles.Admin, StaffRoles.Counsellor]),
        new(Partner, "accounts.kind.partner", [StaffRoles.Partner]),
    ];

    public static AccountKind? Find(string? code) => All.FirstOrDefault(kind => kind.Code == code);

    // The roles of any account (even one made before these kinds, or by hand) in the admins' words.
    public static string RoleWords(Language words, IEnumerable<string> roles) =>
        string.Join(", ", roles.Select(role => role switch
        {
            StaffRoles.Counsellor => words["accounts.role.counsellor"],
            StaffRoles.Coordinator => words["accounts.role.coordinator"],
            StaffRoles.Admin => words["accounts.role.admin"],
            StaffRoles.Partner => words["accounts.role.partner"],
            _ => role,
        }));
}
