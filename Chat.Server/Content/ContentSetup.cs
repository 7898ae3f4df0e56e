namespace Chat.Server.Content;

public static class ContentSetup
{
    // Help pages: storage, the per-node cache and the seed.
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration("Content")
            .Validate(o => o.Languages.Count > 0 && o.Languages.All(Slugs.IsSlug), "Content:Languages needs at least one code of a–z.")
            .Validate(o => o.MaxMarkdownLength is > 0 and <= 1_000_000, "Content:MaxMarkdownLength must be between 1 and 1,000,000.")
            .Validate(o => o.HistoryLength is > 0 and <= 1000, "Content:HistoryLength must be between 1 and 1,000.")
            .ValidateOnStart();
        services.AddSingleton<HelpPages>();
        services.AddSingleton<PageCache>();
        services.AddHostedService(sp => sp.GetRequiredService<PageCache>());
        services.AddHostedService<ContentSeed>();
        return services;
    }
}
