using System.Diagnostics;
using System.Net.Sockets;

namespace Chat.Tests.Support;

// Waiting for a process the tests started to accept connections on a loopback port.
internal static class Listening
{
    // Null once something accepts on the port; otherwise why not: the process exited, or the limit passed.
    public static async Task<string?> Until(Process process, int port, TimeSpan limit, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        while (!Listens(port))
        {
            if (process.HasExited) return $"exited with code {process.ExitCode}";
            if (clock.Elapsed > limit) return $"did not listen on port {port} within {HubEvents.Seconds(limit)} s";
            await Task.Delay(interval);
        }
        return null;
    }

    public static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
