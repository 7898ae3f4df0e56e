using System.Net;
using System.Security.Cryptography;

namespace Chat.Server.Privacy;

// A client as a limit or a block knows it: keyed hashes of its address, under this period's key and (if this node
// had one) the previous period's, so that what was counted or blocked just before a rotation still holds after it.
public sealed record ClientHashes(string Current, string? Previous)
{
    public IReadOnlyList<string> Both => Previous is null ? [Current] : [Current, Previous];
}

// Keys are 256 random bits made here, held only in this object (never logged, stored or sent), and replaced every
// lifetime (periods counted from 1970, so daily keys turn at midnight UTC). A period's key is made when the period is
// first asked for; the key of the period just before is kept as the previous one, older keys are forgotten. So a hash
// is recognised at most until the key after next takes over, and after a restart not at all.
public sealed class ClientKeySchedule(TimeProvider clock, TimeSpan lifetime)
{
    private const int HashBytes = 16;
    private readonly Lock gate = new();
    private long period = long.MinValue;
    private byte[] current = [];
    private byte[]? previous;

    // Null without an address (a Unix socket, the in-memory test server): such a caller has no client key.
    public ClientHashes? Of(IPAddress? address)
    {
        if (address is null) return null;
        var bytes = Canonical(address);
        var (now, before) = Keys();
        return new(Hash(now, bytes), before is null ? null : Hash(before, bytes));
    }

    // An IPv4 address as itself (also when it arrives IPv4-mapped); an IPv6 address by its /64, the block one
    // household or phone is given, so a client cannot escape a limit by changing the lower half.
    private static byte[] Canonical(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? bytes[..8] : bytes;
    }

    private (byte[] Current, byte[]? Previous) Keys()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)lifetime.TotalMilliseconds;
        lock (gate)
        {
            if (now > period)
            {
                previous = now == period + 1 ? current : null;
                current = RandomNumberGenerator.GetBytes(32);
                period = now;
            }
            return (current, previous);
        }
    }

    private static string Hash(byte[] key, byte[] address) => Convert.ToHexStringLower(HMACSHA256.HashData(key, address).AsSpan(0, HashBytes));
}
