using Chat.Server.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Chat.Server.ScaleOut;

public static class ScaleOutSetup
{
    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddSingleton<Fanout>();
        services.AddHostedService(sp => sp.GetRequiredService<Fanout>());
        services.AddConnectionCap();
        services.AddDataProtection().SetApplicationName("chat");
        services.AddOptions<KeyManagementOptions>()
            .Configure<RedisConnection>((options, redis) => options.XmlRepository = new RedisXmlRepository(redis));
        return services;
    }
}
