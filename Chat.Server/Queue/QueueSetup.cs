using Microsoft.Extensions.Options;

namespace Chat.Server.Queue;

public static class QueueSetup
{
    // The matching rules and "take next"; the waiting room and its broadcaster are registered with conversations.
    public static IServiceCollection AddQueue(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration("Queue")
            .Validate(o => o.WidenAfter >= TimeSpan.Zero, "Queue:WidenAfter cannot be negative.")
            .Validate(o => o.AssumedHandlingTime > TimeSpan.Zero, "Queue:AssumedHandlingTime must be positive.")
            .Validate(o => o.Grace >= TimeSpan.Zero, "Queue:Grace cannot be negative.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Queue:SweepInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => new Matching(sp.GetRequiredService<IOptions<QueueOptions>>().Value.WidenAfter));
        services.AddSingleton<Matchmaker>();
        services.AddHostedService<QueueJanitor>();
        return services;
    }
}
