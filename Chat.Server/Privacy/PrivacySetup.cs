using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Chat.Server.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration("Privacy")
            .Validate(o => o.TrustedProxies.All(p => IPAddress.TryParse(p, out _) || System.Net.IPNetwork.TryParse(p, out _)),
                "Privacy:TrustedProxies holds addresses or networks (10.0.0.0/8).")
            .Validate(o => o.ClientKeyLifetime >= TimeSpan.FromMinutes(1) && o.ClientKeyLifetime <= TimeSpan.FromDays(1),
                "Privacy:ClientKeyLifetime is between a minute and a day.")
            .ValidateOnStart();
        services.AddOptions<AbuseOptions>().BindConfiguration("Abuse")
            .Validate(o => o.StartsPerClient > 0 && o.MessagesPerConversation > 0 && o.MessagesPerClient > 0, "Abuse limits must be positive.")
            .Validate(o => o.StartWindow >= TimeSpan.FromSeconds(1) && o.MessageWindow >= TimeSpan.FromSeconds(1), "Abuse windows are at least a second.")
            .Validate(o => o.BlockFor > TimeSpan.Zero, "Abuse:BlockFor must be positive.")
            .ValidateOnStart();
        // Forwarded headers count only from the configured proxies; with none, the peer is the client. (The framework's
        // defaults would believe loopback, and an empty list with headers switched on would believe everyone.)
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PrivacyOptions>>((forwarded, privacy) =>
        {
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            var trusted = privacy.Value.TrustedProxies;
            forwarded.ForwardedHeaders = trusted.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in trusted)
            {
                if (IPAddress.TryParse(proxy, out var address)) forwarded.KnownProxies.Add(address);
                else forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        });
        services.AddSingleton(sp => new ClientKeySchedule(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.ClientKeyLifetime));
        services.AddSingleton<FloodGate>();
        return services;
    }

    // The client's address as the app sees it: the peer, or what a trusted proxy says it forwarded.
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
