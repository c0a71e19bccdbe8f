using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>The demo world served on loopback, shared by the tests of one class.</summary>
public sealed class DemoInternetFixture : IAsyncLifetime
{
    public SimulatedInternet Internet { get; private set; } = null!;

    public async Task InitializeAsync() => Internet = await SimulatedInternet.StartAsync(DemoWorld.Load());

    public async Task DisposeAsync() => await Internet.DisposeAsync();
}
