using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>
/// The demo world with the faults <see cref="FaultyInternetFixture"/> does not inject: the com registry's RDAP service
/// answering 503, and REFUSED for onestack-demo.com's DMARC name.
/// </summary>
public sealed class GapKindInternetFixture : IAsyncLifetime
{
    public SimulatedInternet Internet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var world = DemoWorld.Load();
        world.Faults.Add(new Fault { Target = "rdap:com", Kind = "rdap-503" });
        world.Faults.Add(new Fault { Target = "dns:_dmarc.onestack-demo.com", Kind = "refused" });
        Internet = await SimulatedInternet.StartAsync(world);
    }

    public async Task DisposeAsync() => await Internet.DisposeAsync();
}
