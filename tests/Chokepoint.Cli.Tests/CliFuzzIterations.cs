using System.Globalization;

namespace Chokepoint.Cli.Tests;

/// <summary>Iterations for the CLI's property tests: modest in the normal run, CHOKEPOINT_FUZZ_ITERATIONS for a long one.</summary>
internal static class CliFuzzIterations
{
    public static long Or(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("CHOKEPOINT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : normal;
}
