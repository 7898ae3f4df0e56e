using Chat.Server.Staff;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Server.Dashboard;

public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration("Dashboard").ValidateOnStart();
        services.AddSingleton<Overview>();
        services.AddSingleton<Observers>();
        services.AddSingleton<DashboardBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardBroadcaster>());
        // Not AddHubOptions again: each call copies the global options over the staff hub's, dropping the filters
        // AddStaff registered (the session and method guards). Configure adds to what is there.
        services.Configure<HubOptions<StaffHub>>(options => options.AddFilter<DashboardBroadcaster>());
        return services;
    }
}
