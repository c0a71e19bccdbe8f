using System.Globalization;

namespace Chokepoint.Analysis.Tests.FaultTree;

/// <summary>
/// Iterations for property tests: modest in the normal run, more with CHOKEPOINT_FUZZ_ITERATIONS set
/// (e.g. CHOKEPOINT_FUZZ_ITERATIONS=100000 for a long run).
/// </summary>
internal static class FuzzIterations
{
    public static long Or(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("CHOKEPOINT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : normal;
}
