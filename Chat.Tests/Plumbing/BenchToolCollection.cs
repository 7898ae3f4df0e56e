namespace Chat.Tests.Plumbing;

// BenchSmokeTests (through ops/bench.sh) and BaselineSmokeTests both install ops/bench's packages when they are
// missing, and npm ci empties node_modules first: one at a time, so neither runs the load tool mid-install.
[CollectionDefinition(Name)]
public sealed class BenchToolCollection
{
    public const string Name = "Bench tool";
}

// What every clean run of the load tool shows, whatever it drove: something delivered, conversations finished, and
// every acknowledged message delivered once, in order, with no gap.
public static class LoadToolResult
{
    public static void AssertClean(System.Text.Json.JsonElement messages, string output)
    {
        Assert.True(messages.GetProperty("delivered").GetInt32() > 0, output);
        Assert.True(messages.GetProperty("conversationsFinished").GetInt32() > 0, output);
        foreach (var zero in new[] { "lost", "duplicated", "outOfOrder", "gaps", "sendErrors", "conversationsUnfinished" })
            Assert.True(messages.GetProperty(zero).GetInt32() == 0, $"{zero} is not 0:\n{output}");
        Assert.Equal(messages.GetProperty("acked").GetInt32(), messages.GetProperty("delivered").GetInt32());
    }
}
