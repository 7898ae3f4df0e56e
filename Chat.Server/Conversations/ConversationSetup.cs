using Microsoft.AspNetCore.SignalR;
using Chat.Server.Queue;
using Chat.Server.Staff;
using Chat.Server.Stats;

namespace Chat.Server.Conversations;

public static class ConversationSetup
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration("Conversations").ValidateOnStart();
        services.AddOptions<StatsOptions>().BindConfiguration("Stats").ValidateOnStart();
        services.AddQueue();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<WaitingRoom>();
        services.AddSingleton<Relay>();
        services.AddSingleton<YouthLeaving>();
        services.AddSingleton<Counters>();
        services.AddSingleton<QueueBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueBroadcaster>());
        services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = 16 * 1024;
            options.AddFilter<ReplyFilter>();
        });
        return services;
    }

    public static void MapConversations(this IEndpointRouteBuilder app)
    {
        app.MapHub<YouthHub>("/hubs/youth");
        // A staff connection ends with its sign-in (the cookie expires with the session), even one that never calls.
        app.MapHub<StaffHub>("/hubs/staff", options => options.CloseOnAuthenticationExpiration = true);
        app.MapPost("/youth/leave", YouthLeaving.Beacon);
    }
}
