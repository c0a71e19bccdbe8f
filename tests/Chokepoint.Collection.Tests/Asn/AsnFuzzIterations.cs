using System.Globalization;

namespace Chokepoint.Collection.Tests.Asn;

/// <summary>
/// Iterations for the IP-to-ASN property tests: modest in the normal run, CHOKEPOINT_FUZZ_ITERATIONS for a long one.
/// </summary>
internal static class AsnFuzzIterations
{
    public static long Or(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("CHOKEPOINT_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : normal;
}
