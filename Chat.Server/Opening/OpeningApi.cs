using Chat.Client.Components.Youth;

namespace Chat.Server.Opening;

public sealed class OpeningOptions
{
    // How often an open youth page asks again whether the chat is open (and always at the moment it opens or closes).
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(1);
}

// The chat's opening hours (edited on /staff/hours), the youth page's status, and recorded duty periods.
public static class OpeningApi
{
    public static IServiceCollection AddOpening(this IServiceCollection services)
    {
        services.AddOptions<OpeningOptions>().BindConfiguration("Opening")
            .Validate(o => o.RefreshEvery >= TimeSpan.FromSeconds(1) && o.RefreshEvery <= TimeSpan.FromHours(1), "Opening:RefreshEvery must be between a second and an hour.")
            .ValidateOnStart();
        services.AddSingleton<OpeningStore>();
        services.AddSingleton<ChatOpening>();
        services.AddSingleton<IYouthStatus>(sp => sp.GetRequiredService<ChatOpening>());
        services.AddSingleton<ShiftLog>();
        return services;
    }

    public static void MapOpening(this IEndpointRouteBuilder app) => app.MapGet("/youth/status", Status);

    // Anonymous and the same for everyone: no identifier, no cookie. 503 while it cannot be said.
    private static async Task<IResult> Status(ChatOpening opening) =>
        await opening.Now() is { } status ? Results.Json(status) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
}
