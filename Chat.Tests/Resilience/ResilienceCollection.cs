namespace Chat.Tests.Resilience;

// These tests start processes (redis-server, nodes, nginx, Garnet) and measure how fast clients come back:
// run them one at a time, after the parallel tests, so they neither starve the rest nor are starved.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResilienceCollection
{
    public const string Name = "Resilience";
}
