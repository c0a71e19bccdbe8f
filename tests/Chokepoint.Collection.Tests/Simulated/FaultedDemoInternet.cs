using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>The demo world with some faults injected, served on loopback and shared by the tests of one class.</summary>
/// <param name="faults">The faults added to the demo world's own.</param>
public abstract class FaultedDemoInternet(IEnumerable<Fault> faults) : IAsyncLifetime
{
    public SimulatedInternet Internet { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var world = DemoWorld.Load();
        world.Faults.AddRange(faults);
        Internet = await SimulatedInternet.StartAsync(world);
    }

    public async Task DisposeAsync() => await Internet.DisposeAsync();
}
