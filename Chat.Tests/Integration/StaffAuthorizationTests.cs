using System.Net;
using System.Reflection;
using Chat.Server.Staff;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Integration;

// Every staff hub method and every staff endpoint, called as anonymous, as each role, and after signing out.
// The tables below are the whole truth: a method or endpoint that is not in them fails the first two tests.
public sealed class StaffAuthorizationTests : IAsyncLifetime
{
    private static readonly string[] Roles = [StaffRoles.Counsellor, StaffRoles.Partner, StaffRoles.Coordinator, StaffRoles.Admin];
    private static readonly string[] Desk = [StaffRoles.Counsellor, StaffRoles.Partner];
    private static readonly string[] Dashboard = [StaffRoles.Coordinator, StaffRoles.Admin];
    private static readonly string[] Editors = [StaffRoles.Coordinator, StaffRoles.Admin];
    private static readonly string[] Admins = [StaffRoles.Admin];
    private static readonly string[] Counsellors = [StaffRoles.Counsellor];
    private static readonly string[] Partners = [StaffRoles.Partner];
    private static readonly string[] Coordinators = [StaffRoles.Coordinator];
    private static readonly string[] Everyone = [];

    // Staff hub method → the roles that may call it.
    public static readonly Dictionary<string, string[]> HubMethods = new()
    {
        ["Snapshot"] = Desk, ["SetSkills"] = Counsellors, ["GoOnDuty"] = Desk, ["GoOffDuty"] = Desk,
        ["Take"] = Counsellors, ["TakeNext"] = Counsellors, ["Send"] = Desk, ["Typing"] = Desk, ["End"] = Desk, ["WrapUp"] = Desk,
        ["Services"] = Counsellors, ["ProposeHandover"] = Counsellors, ["Leave"] = Desk, ["CancelHandover"] = Counsellors,
        ["Transfer"] = Counsellors, ["Colleagues"] = Counsellors, ["ProposeReturnNote"] = Counsellors,
        ["TakeHandover"] = Partners, ["OpenCode"] = Partners, ["SendPage"] = Desk, ["Pages"] = Desk, ["QuickReplies"] = Desk, ["Block"] = Desk,
        ["WatchDashboard"] = Dashboard, ["EndChat"] = Coordinators, ["JoinSilently"] = Coordinators, ["LeaveSilently"] = Coordinators,
    };

    // "METHOD pattern" of every endpoint under /staff → the roles that may use it; Everyone: open without a session.
    public static readonly Dictionary<string, string[]> Endpoints = new()
    {
        ["GET /staff/signin"] = Everyone, ["POST /staff/signin"] = Everyone, ["POST /staff/auth/signin"] = Everyone,
        ["GET /staff/setup"] = Everyone, ["POST /staff/setup"] = Everyone, ["POST /staff/auth/setup"] = Everyone,
        ["POST /staff/auth/signout"] = Everyone,
        ["GET /staff"] = Desk, ["POST /staff"] = Desk,
        ["GET /staff/dashboard"] = Dashboard, ["POST /staff/dashboard"] = Dashboard,
        ["GET /staff/stats"] = Dashboard, ["POST /staff/stats"] = Dashboard, ["GET /staff/stats/export"] = Dashboard,
        ["GET /staff/audit"] = Admins, ["POST /staff/audit"] = Admins,
        ["GET /staff/password"] = Roles, ["POST /staff/password"] = Roles, ["POST /staff/auth/password"] = Roles,
        ["GET /staff/auth/session"] = Roles,
        ["GET /staff/accounts"] = Admins, ["POST /staff/accounts"] = Admins,
        ["GET /staff/accounts/new"] = Admins, ["POST /staff/accounts/new"] = Admins,
        ["GET /staff/hours"] = Editors, ["POST /staff/hours"] = Editors,
        ["GET /staff/quick-replies"] = Editors, ["POST /staff/quick-replies"] = Editors,
        ["GET /staff/directory"] = Editors, ["POST /staff/directory"] = Editors,
        ["GET /staff/directory/new"] = Editors, ["POST /staff/directory/new"] = Editors,
        ["GET /staff/directory/{Id}"] = Editors, ["POST /staff/directory/{Id}"] = Editors,
        ["GET /staff/directory/{Id}/remove"] = Editors, ["POST /staff/directory/{Id}/remove"] = Editors,
        ["GET /staff/pages"] = Editors, ["POST /staff/pages"] = Editors, ["GET /staff/pages/export"] = Editors,
        ["GET /staff/pages/{Lang}/{Slug}"] = Editors, ["POST /staff/pages/{Lang}/{Slug}"] = Editors,
        ["GET /staff/pages/{Lang}/{Slug}/history"] = Editors, ["POST /staff/pages/{Lang}/{Slug}/history"] = Editors,
    };

    // What a session that must set a new password first may use: the password page and the session probe.
    private static readonly HashSet<string> MustChangeMayUse =
        ["GET /staff/password", "POST /staff/password", "POST /staff/auth/password", "GET /staff/auth/session"];

    // Who calls: nobody signed in, a signed-in role, a role's cookie replayed after it signed out, or a counsellor
    // who has not yet replaced the password an admin gave them.
    public static TheoryData<string> Callers() => ["anonymous", .. Roles, .. Roles.Select(role => $"{role}:signed-out"), "must-change"];

    private readonly ChatApp _app = ChatApp.OnSharedRedis();

    public async Task InitializeAsync()
    {
        await _app.Seeded();
        foreach (var role in Roles)
        {
            if (role == StaffRoles.Partner) await _app.CreateMember(role, "stodcentrum");
            else await _app.CreateStaff(role, role);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryStaffHubMethodIsInTheTableWithTheRolesItDeclares()
    {
        var methods = HostilePayloads.HubMethods(typeof(StaffHub)).ToDictionary(m => m.Name);
        Assert.Equal(HubMethods.Keys.Order(), methods.Keys.Order());
        foreach (var (name, roles) in HubMethods)
        {
            var declared = methods[name].GetCustomAttribute<AuthorizeAttribute>()?.Roles?.Split(',') ?? [];
            Assert.True(roles.Order().SequenceEqual(declared.Order()), $"{name} declares [{string.Join(',', declared)}], the table says [{string.Join(',', roles)}]");
        }
    }

    [Fact]
    public void EveryStaffEndpointIsInTheTable()
    {
        _ = _app.Server;
        var found = StaffEndpoints().ToList();
        Assert.True(found.Except(Endpoints.Keys).ToList() is [], $"not in the table: {string.Join(" | ", found.Except(Endpoints.Keys).Order())}");
        Assert.True(Endpoints.Keys.Except(found).ToList() is [], $"in the table but not served: {string.Join(" | ", Endpoints.Keys.Except(found).Order())}");
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryStaffEndpointAdmitsExactlyItsRoles(string caller)
    {
        var (role, session) = await Session(caller);
        using var client = _app.NewClient();
        var wrong = new List<string>();
        foreach (var (endpoint, roles) in Endpoints)
        {
            var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
            var path = pattern.Replace("{Id}", "stodcentrum").Replace("{Lang}", "sv").Replace("{Slug}", "i-fara-nu");
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST") request.Content = new FormUrlEncodedContent([]);
            if (session.Length > 0) request.Headers.Add("Cookie", session);
            using var response = await client.SendAsync(request).Within(ChatApp.Timeout, endpoint);
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString is var to
                    && (to.Contains("/staff/signin?ReturnUrl=") || to.EndsWith("/staff/password")));
            var admitted = roles == Everyone || (caller == "must-change" ? MustChangeMayUse.Contains(endpoint) : role is not null && roles.Contains(role));
            if (refused == admitted) wrong.Add($"{endpoint}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(wrong.Count == 0, $"as {caller}: {string.Join(" | ", wrong)}");
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryStaffHubMethodAdmitsExactlyItsRoles(string caller)
    {
        var (role, session) = await Session(caller);
        if (role is null)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => _app.ConnectAsync("/hubs/staff", new HubClientOptions { Cookie = session }));
            Assert.Contains(caller == "must-change" ? "403" : "401", error.ToString());
            return;
        }
        await using var hub = await _app.ConnectAsync("/hubs/staff", new HubClientOptions { Cookie = session });
        var wrong = new List<string>();
        foreach (var method in HostilePayloads.HubMethods(typeof(StaffHub)))
        {
            var args = method.GetParameters().Where(p => p.GetCustomAttribute<FromServicesAttribute>() is null)
                .Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            string outcome;
            try
            {
                await hub.InvokeCoreAsync(method.Name, typeof(object), args).Within(ChatApp.Timeout, method.Name);
                outcome = "admitted";
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.Contains("unauthorized"))
            {
                outcome = "refused";
            }
            var admitted = HubMethods[method.Name].Contains(role);
            if ((outcome == "admitted") != admitted) wrong.Add($"{method.Name}: {outcome}");
        }
        Assert.True(wrong.Count == 0, $"as {caller}: {string.Join(" | ", wrong)}");
    }

    // The caller's role (null: none that counts) and the Cookie header it sends.
    private async Task<(string? Role, string Session)> Session(string caller)
    {
        if (caller == "anonymous") return (null, "");
        if (caller == "must-change")
        {
            await _app.Get<StaffAccounts>().Create("newbie", "Ny Kurator", ChatApp.Password, [StaffRoles.Counsellor], mustChangePassword: true);
            return (null, await _app.SignIn("newbie"));
        }
        var role = caller.Split(':')[0];
        var session = await _app.SignIn(role);
        if (!caller.EndsWith(":signed-out")) return (role, session);
        using var client = _app.NewClient();
        var (cookies, token) = await ChatApp.FormToken(client, "/staff/signin", session);
        using var signedOut = await ChatApp.PostForm(client, "/staff/auth/signout", cookies, token, []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        return (null, session);
    }

    private IEnumerable<string> StaffEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("staff"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct();
}
