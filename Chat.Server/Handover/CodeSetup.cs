using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.Server.Handover;

public static class CodeSetup
{
    // Pickup codes for handover by code and return to the same counsellor; AddHandover() calls this.
    public static IServiceCollection AddPickupCodes(this IServiceCollection services)
    {
        services.AddOptions<HandoverOptions>().BindConfiguration("Handover")
            .Validate(o => o.CodeLifetime >= HandoverOptions.MinCodeLifetime && o.CodeLifetime <= HandoverOptions.MaxCodeLifetime,
                "Handover:CodeLifetime must be between 1 hour and 90 days.")
            .Validate(o => o.CodeFailuresPerMinute >= 1, "Handover:CodeFailuresPerMinute must be at least 1.")
            .Validate(o => o.CodeFailuresPerCaller >= 1, "Handover:CodeFailuresPerCaller must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<PickupCodes>();
        return services;
    }
}
