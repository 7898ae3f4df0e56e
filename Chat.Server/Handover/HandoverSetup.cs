namespace Chat.Server.Handover;

public static class HandoverSetup
{
    // The handover flow and return codes; the directory they draw on is registered by AddDirectory().
    public static IServiceCollection AddHandover(this IServiceCollection services)
    {
        services.AddPickupCodes();
        services.AddSingleton<HandoverDesk>();
        services.AddSingleton<ReturnCodes>();
        return services;
    }
}
