namespace Chat.Server.Content;

public static class ContentSetup
{
    // Help pages: storage, the per-node cache, the seed, and reading them (HelpApi).
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration("Content")
            .Validate(o => o.MaxMarkdownLength is > 0 and <= 1_000_000, "Content:MaxMarkdownLength must be between 1 and 1,000,000.")
            .Validate(o => o.HistoryLength is > 0 and <= 1000, "Content:HistoryLength must be between 1 and 1,000.")
            .Validate(o => o.ChatOpenCheckEvery > TimeSpan.Zero && o.ChatOpenCheckEvery <= TimeSpan.FromMinutes(1), "Content:ChatOpenCheckEvery must be more than zero and at most a minute.")
            .ValidateOnStart();
        services.AddSingleton<HelpPages>();
        services.AddSingleton<PageCache>();
        services.AddHostedService(sp => sp.GetRequiredService<PageCache>());
        services.AddHostedService<ContentSeed>();
        services.AddSingleton<SiteAssets>();
        services.AddSingleton<ChatOpenNow>();
        services.AddSingleton<HelpDocuments>();
        return services;
    }
}
