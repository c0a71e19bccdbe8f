using Chokepoint.Simulation.World;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>
/// The demo world with the faults <see cref="FaultyInternetFixture"/> does not inject: the com registry's RDAP service
/// answering 503, and REFUSED for onestack-demo.com's DMARC name.
/// </summary>
public sealed class GapKindInternetFixture() : FaultedDemoInternet(
[
    new Fault { Target = "rdap:com", Kind = "rdap-503" },
    new Fault { Target = "dns:_dmarc.onestack-demo.com", Kind = "refused" },
]);
