using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Support;

public static class KestrelHosting
{
    // Real sockets, for browsers and ClientWebSocket. Call before anything else touches the factory.
    // UseKestrel(0) binds http://127.0.0.1:0, so the OS picks a free port and the factory learns it.
    public static Uri StartOnLoopback<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.ClientOptions.BaseAddress;
        if (address is not { IsLoopback: true } || address.Port == 0)
            throw new InvalidOperationException($"Kestrel did not report a loopback address with a port (got {address})");
        return address;
    }
}
