using Chat.Server.ScaleOut;

namespace Chat.Tests.Unit;

// How many connections a node lets in, from its limit of open files.
public sealed class ConnectionCapTests
{
    [Theory]
    [InlineData(20_000, 1_900, 17_100)]    // a twentieth kept back; a tenth of the rest for plain HTTP
    [InlineData(1_024, 51, 461)]           // the fixed reserve
    [InlineData(1_048_576, 99_614, 896_534)]
    [InlineData(300, 1, 1)]                // a limit below the reserve still lets one of each in rather than none
    public void TheCapLeavesAReserveBelowTheLimit(long limit, long plain, long upgraded)
    {
        Assert.Equal(new ConnectionCap.Limits(plain, upgraded), ConnectionCap.For(limit));
        Assert.True(plain + upgraded <= Math.Max(2, limit - ConnectionCap.MinimumReserve));
    }

    [Fact]
    public void WithoutAKnownLimitThereIsNoCap() => Assert.Null(ConnectionCap.For(null));

    [Fact]
    public void TheSoftLimitIsReadFromProcLimits()
    {
        const string limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max open files            4096                 524288               files
            Max locked memory         8388608              8388608              bytes
            """;
        Assert.Equal(4096, ConnectionCap.OpenFilesLimit(limits));
    }

    [Theory]
    [InlineData("Max open files            unlimited            unlimited            files")]
    [InlineData("Max processes             95000                95000                processes")]
    [InlineData("")]
    public void AnUnlimitedOrMissingLimitIsNone(string limits) => Assert.Null(ConnectionCap.OpenFilesLimit(limits));
}
