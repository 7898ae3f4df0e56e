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
        services.AddSignalR().AddHubOptions<StaffHub>(options => options.AddFilter<DashboardBroadcaster>());
        return services;
    }
}
