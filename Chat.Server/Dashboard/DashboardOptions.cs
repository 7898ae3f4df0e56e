namespace Chat.Server.Dashboard;

public sealed class DashboardOptions
{
    // A chat in which nothing has been written or has happened for this long is marked as stuck.
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(20);

    // How often watching dashboards get a fresh state (only on nodes where someone watches).
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(2);
}
