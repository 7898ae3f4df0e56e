using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Chat.Server.Privacy;
using Chat.Tests.Support;

namespace Chat.Tests.Unit;

// The keyed hashes that stand for a client: the same within a period, recognised one period more, then never again.
public sealed class ClientKeyScheduleTests
{
    private static readonly DateTimeOffset Midnight = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");

    private static (ClientKeySchedule Schedule, ManualClock Clock) Daily()
    {
        var clock = new ManualClock(Midnight.AddHours(1));
        return (new ClientKeySchedule(clock, TimeSpan.FromDays(1)), clock);
    }

    [Fact]
    public void AnAddressHasOneHashWithinAPeriodAndNoPreviousOnAFreshNode()
    {
        var (schedule, clock) = Daily();
        var first = schedule.Of(Address)!;
        clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal(first, schedule.Of(Address));
        Assert.Null(first.Previous);
        Assert.NotEqual(first.Current, schedule.Of(IPAddress.Parse("203.0.113.8"))!.Current);
    }

    [Fact]
    public void AfterARotationTheOldHashIsStillKnownAsThePrevious()
    {
        var (schedule, clock) = Daily();
        var before = schedule.Of(Address)!.Current;
        clock.Advance(TimeSpan.FromDays(1));
        var after = schedule.Of(Address)!;
        Assert.NotEqual(before, after.Current);
        Assert.Equal(before, after.Previous);
        Assert.Equal([after.Current, before], after.Both);
    }

    [Fact]
    public void TheKeyAfterNextForgetsTheFirstHash()
    {
        var (schedule, clock) = Daily();
        var first = schedule.Of(Address)!.Current;
        clock.Advance(TimeSpan.FromDays(1));
        var second = schedule.Of(Address)!.Current;
        clock.Advance(TimeSpan.FromDays(1));
        var third = schedule.Of(Address)!;
        Assert.DoesNotContain(first, third.Both);
        Assert.Equal(second, third.Previous);
    }

    [Fact]
    public void ANodeThatSatIdleForAPeriodKeepsNoOlderKey()
    {
        var (schedule, clock) = Daily();
        var first = schedule.Of(Address)!.Current;
        clock.Advance(TimeSpan.FromDays(2));
        var later = schedule.Of(Address)!;
        Assert.NotEqual(first, later.Current);
        Assert.Null(later.Previous);
    }

    [Fact]
    public void KeysTurnAtThePeriodsBoundaryNotAPeriodAfterFirstUse()
    {
        var clock = new ManualClock(Midnight.AddHours(23).AddMinutes(59));
        var schedule = new ClientKeySchedule(clock, TimeSpan.FromDays(1));
        var late = schedule.Of(Address)!.Current;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(late, schedule.Of(Address)!.Previous);
    }

    [Fact]
    public void TwoNodesHashTheSameAddressDifferently()
    {
        var clock = new ManualClock(Midnight);
        Assert.NotEqual(new ClientKeySchedule(clock, TimeSpan.FromDays(1)).Of(Address)!.Current,
            new ClientKeySchedule(clock, TimeSpan.FromDays(1)).Of(Address)!.Current);
    }

    [Fact]
    public void TheHashIsKeyedNotAPlainHashOfTheAddress()
    {
        var hash = Daily().Schedule.Of(Address)!.Current;
        Assert.Matches("^[0-9a-f]{32}$", hash);
        foreach (var plain in new[] { SHA256.HashData(Address.GetAddressBytes()), SHA256.HashData(Encoding.UTF8.GetBytes(Address.ToString())) })
            Assert.DoesNotContain(hash, Convert.ToHexStringLower(plain));
    }

    [Fact]
    public void AMappedIPv4AddressIsTheSameClientAndAnIPv6ClientIsItsSlash64()
    {
        var (schedule, _) = Daily();
        Assert.Equal(schedule.Of(Address), schedule.Of(Address.MapToIPv6()));
        Assert.Equal(schedule.Of(IPAddress.Parse("2001:db8:1:2::1")), schedule.Of(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(schedule.Of(IPAddress.Parse("2001:db8:1:2::1")), schedule.Of(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void ACallerWithoutAnAddressHasNoClientKey() => Assert.Null(Daily().Schedule.Of(null));

    // Nothing outside the object can read a key: no member but private fields holds or returns bytes.
    [Fact]
    public void NoKeyEverLeavesTheSchedule()
    {
        var members = typeof(ClientKeySchedule).GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
        var exposed = members.Where(m => m switch
        {
            FieldInfo f => !f.IsPrivate && f.FieldType == typeof(byte[]),
            PropertyInfo p => p.PropertyType.ToString().Contains("Byte"),
            MethodInfo method => !method.IsPrivate && method.ReturnType.ToString().Contains("Byte"),
            _ => false,
        });
        Assert.Empty(exposed);
        Assert.Equal([typeof(string), typeof(string)], typeof(ClientHashes).GetProperties().Where(p => p.Name != "Both").Select(p => p.PropertyType));
    }
}
