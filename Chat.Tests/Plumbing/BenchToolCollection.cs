namespace Chat.Tests.Plumbing;

// BenchSmokeTests (through ops/bench.sh) and BaselineSmokeTests both install ops/bench's packages when they are
// missing, and npm ci empties node_modules first: one at a time, so neither runs the load tool mid-install.
[CollectionDefinition(Name)]
public sealed class BenchToolCollection
{
    public const string Name = "Bench tool";
}
