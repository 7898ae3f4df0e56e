namespace Chat.Server.Privacy;

public sealed class PrivacyOptions
{
    // Addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed; empty: none, the peer is the client.
    public List<string> TrustedProxies { get; set; } = [];

    // Origins (scheme://host[:port]) besides the site's own that may open the hubs and send the leave beacon.
    public List<string> AllowedOrigins { get; set; } = [];

    // How long one key for client hashes lives; at most a day, so no hash can be matched for long.
    public TimeSpan ClientKeyLifetime { get; set; } = TimeSpan.FromDays(1);
}
