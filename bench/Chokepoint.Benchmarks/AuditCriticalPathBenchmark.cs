namespace Chokepoint.Benchmarks;

/// <summary><c>audit-critical-path</c>: placeholder until written.</summary>
internal static class AuditCriticalPathBenchmark
{
    public static Task<int> RunAsync(Options options, CancellationToken cancellationToken) => Task.FromResult(0);
}
