using Chat.Server.Handover;
using Microsoft.AspNetCore.Http;

namespace Chat.Server.Staff;

// A field of the new-account form and what is wrong with it (a stable code, see AccountErrors for the words).
public sealed record AccountProblem(string Field, string Code);

// The admin's new-account form as typed. The password is read but never shown again.
public sealed class AccountForm
{
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Password { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Service { get; init; } = "";

    public static AccountForm Read(IFormCollection form) => new()
    {
        UserName = form["userName"].ToString().Trim(),
        DisplayName = form["displayName"].ToString(),
        Password = form["password"].ToString(),
        Kind = form["kind"].ToString(),
        Service = form["service"].ToString(),
    };

    // Services whose staff may have accounts here: those that take handovers, live or by code.
    public static bool HasMembers(PartnerService service) => service.Receives is HandoverMode.Live or HandoverMode.ByCode;

    // Every problem beside the field it concerns (none: ready for StaffAccounts.Create, which checks again).
    // services: the directory as it is now.
    public IReadOnlyList<AccountProblem> Check(IReadOnlyList<PartnerService> services)
    {
        var problems = new List<AccountProblem>();
        if (!StaffAccounts.IsUserName(UserName)) problems.Add(new("userName", "invalid-user-name"));
        if (!StaffAccounts.IsDisplayName(DisplayName)) problems.Add(new("displayName", "invalid-display-name"));
        if (PasswordRules.Problem(Password, UserName, DisplayName) is { } weak) problems.Add(new("password", weak));
        var kind = AccountKinds.Find(Kind);
        if (kind is null) problems.Add(new("kind", "invalid-kind"));
        else if (kind.Code == AccountKinds.Partner && Service.Length == 0) problems.Add(new("service", "no-service"));
        else if (kind.Code == AccountKinds.Partner && !services.Any(s => s.Id == Service && HasMembers(s))) problems.Add(new("service", "unknown-service"));
        return problems;
    }

    // The roles and service to create; only for a form without problems. A service picked for another kind is not kept.
    public (IReadOnlyList<string> Roles, string Service) Account()
    {
        var kind = AccountKinds.Find(Kind) ?? throw new InvalidOperationException("Check the form first.");
        return (kind.Roles, kind.Code == AccountKinds.Partner ? Service : "");
    }

    // Where StaffAccounts.Create's refusal belongs on the form.
    public static string FieldOf(string code) => code switch
    {
        "invalid-user-name" or "user-exists" => "userName",
        "invalid-display-name" => "displayName",
        _ when code.StartsWith("password-", StringComparison.Ordinal) => "password",
        "invalid-service" => "service",
        _ => "form",
    };
}
