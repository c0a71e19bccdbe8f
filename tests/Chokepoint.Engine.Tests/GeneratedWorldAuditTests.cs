using Chokepoint.Simulation;
using Chokepoint.Simulation.Generation;
using Chokepoint.Simulation.Web;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// A generated world is served by the simulated internet and every one of its sites audited through one engine: a
/// generated site whose world holds no fault audits complete, with nothing left unobserved at any layer.
/// </summary>
public sealed class GeneratedWorldAuditTests : IAsyncLifetime
{
    private const int Sites = 40;
    private const int Seed = 7;

    private readonly Simulation.World.World world = WorldGenerator.Generate(Sites, Seed);
    private SimulatedInternet internet = null!;

    // One simulated web server stands for every site's web servers, all reached from the one client the engine is.
    public async Task InitializeAsync() => internet = await SimulatedInternet.StartAsync(
        world, new SimulationOptions { HttpLimits = new HttpServerLimits { MaxConnections = 4096, MaxConnectionsPerClient = 4096 } });

    public async Task DisposeAsync() => await internet.DisposeAsync();

    [Fact]
    public async Task Every_generated_site_audits_complete_with_no_gaps()
    {
        var settings = new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10), MaxConcurrentAudits = 8 };
        using var engine = ChokepointEngine.Create(settings);
        var domains = world.Sites.Select(site => site.Domain).ToList();
        Assert.Equal(Sites, domains.Count);

        var outcomes = await Task.WhenAll(domains.Select(domain => engine.AuditAsync(domain)));

        var failures = new List<string>();
        foreach (var (domain, (observations, report)) in domains.Zip(outcomes))
        {
            // Every probe's gap counts; what the attribution itself adds (the origin a CDN hides) is the world's truth.
            var gaps = report.Layers.SelectMany(layer => layer.Unobserved.Where(gap => gap.Kind is not null).Select(gap => $"{layer.Layer}: {gap.What} ({gap.Reason})"))
                .Concat(observations.Unobserved.Select(gap => $"observations: {gap.Subject} {gap.Target} ({gap.Kind})"))
                .ToList();
            if (!report.Complete || gaps.Count > 0)
            {
                failures.Add($"{domain}: complete={report.Complete}; {string.Join("; ", gaps)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
