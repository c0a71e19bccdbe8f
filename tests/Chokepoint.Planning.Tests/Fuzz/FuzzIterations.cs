using System.Globalization;

namespace Chokepoint.Planning.Tests.Fuzz;

/// <summary>
/// Iterations of each property test: 300 in the normal run, or the value of <c>CHOKEPOINT_FUZZ_ITERATIONS</c> for a
/// long run (e.g. <c>CHOKEPOINT_FUZZ_ITERATIONS=200000 dotnet test tests/Chokepoint.Planning.Tests</c>).
/// </summary>
internal static class FuzzIterations
{
    public const int Default = 300;

    public static long Count { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("CHOKEPOINT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : Default;
}
