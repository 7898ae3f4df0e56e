namespace Chat.Server.Handover;

// The service directory: storage, the seed, and the coordinators' pages (Razor components in this folder,
// routed through MapRazorComponents with this assembly added).
public static class DirectoryApi
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration("Directory")
            .Validate(o => o.HasKnownZone(), "Directory:TimeZone must name a time zone this machine knows.")
            .ValidateOnStart();
        services.AddSingleton<ServiceDirectory>();
        services.AddHostedService<DirectorySeed>();
        return services;
    }
}
