using Chokepoint.Engine;
using Chokepoint.Engine.Data;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Planning.Plans;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Cli.Tests.TerminalView;

/// <summary>
/// The demo sites the terminal view is checked on, audited once on the simulated internet with the wall clock fixed
/// (the collection time is printed), each with its plan.
/// </summary>
public sealed class DemoAudits : IAsyncLifetime
{
    /// <summary>The time every audit is collected at.</summary>
    public static readonly DateTimeOffset CollectedAt = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A site with chokepoints in every layer, one on hold, one with redundant DNS.</summary>
    public static readonly string[] Sites = ["dailyledger-news.com", "onhold-demo.com", "twodns-demo.com"];

    private readonly Dictionary<string, (SiteObservations Observations, AuditReport Report, Plan Plan)> audits = new(StringComparer.Ordinal);

    public (SiteObservations Observations, AuditReport Report, Plan Plan) this[string site] => audits[site];

    public ChokepointEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        Engine = ChokepointEngine.Create(
            new EngineSettings { Network = internet.Profile, DataDirectory = DataDirectory.Locate().Root, DnsQueryTimeout = TimeSpan.FromSeconds(10) },
            new FixedWallClock(CollectedAt));
        foreach (var site in Sites)
        {
            var (observations, report) = await Engine.AuditAsync(site);
            audits[site] = (observations, report, Engine.Plan(observations, report));
        }
    }

    public Task DisposeAsync()
    {
        Engine.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A clock whose date and time stand still while its timers and timestamps run: timeouts still fire, and what is
    /// printed does not change from run to run.
    /// </summary>
    private sealed class FixedWallClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
