using Chat.Server.ScaleOut;

namespace Chat.Tests.Unit;

// How many connections a node lets in, from its limit of open files.
public sealed class ConnectionCapTests
{
    [Theory]
    [InlineData(20_000, 19_000)]   // a twentieth kept back
    [InlineData(1_024, 512)]       // the fixed reserve
    [InlineData(1_048_576, 996_148)]
    [InlineData(300, 1)]           // a limit below the reserve still lets one in rather than none
    public void TheCapLeavesAReserveBelowTheLimit(long limit, long cap) => Assert.Equal(cap, ConnectionCap.For(limit));

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
