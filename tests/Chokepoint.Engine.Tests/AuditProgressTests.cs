using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Engine.Tests;

/// <summary>The progress an audit reports: its start, each collection phase once as it ends, the analysis, the end.</summary>
public sealed class AuditProgressTests : IAsyncLifetime
{
    private SimulatedInternet internet = null!;

    public async Task InitializeAsync() => internet = await SimulatedInternet.StartAsync(DemoWorld.Load());

    public async Task DisposeAsync() => await internet.DisposeAsync();

    /// <summary>Reports as they come, in order (<see cref="Progress{T}"/> would post them to the thread pool, out of order).</summary>
    private sealed class Recorder : IProgress<AuditProgress>
    {
        public List<AuditProgress> Seen { get; } = [];

        public void Report(AuditProgress value)
        {
            lock (Seen)
            {
                Seen.Add(value);
            }
        }
    }

    [Theory]
    [InlineData(true, new[] { "registration", "dns", "nameserver domains", "hosts", "mail", "tls and http", "page", "upstream zones" })]
    [InlineData(false, new[] { "registration", "dns", "nameserver domains", "hosts", "mail", "tls and http", "upstream zones" })]
    public async Task Every_phase_ends_once_between_the_start_and_the_analysis(bool collectPages, string[] phases)
    {
        using var engine = ChokepointEngine.Create(new EngineSettings { Network = internet.Profile, CollectPages = collectPages });
        var recorder = new Recorder();

        var (_, report) = await engine.AuditAsync("onestack-demo.com", new AuditRequest { Progress = recorder });

        var seen = recorder.Seen;
        Assert.Equal(AuditStep.Collecting, seen[0].Step);
        Assert.Equal([AuditStep.Analysing, AuditStep.Finished], seen.TakeLast(2).Select(p => p.Step));
        var ended = seen.Where(p => p.Step == AuditStep.PhaseEnded).ToList();
        Assert.Equal(phases.Order(StringComparer.Ordinal), ended.Select(p => p.Phase!).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, phases.Length), ended.Select(p => p.Done));
        Assert.All(ended, p => Assert.Equal(phases.Length, p.Total));
        Assert.All(seen, p => Assert.Equal(report.Domain, p.Domain));
        Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.First.Elapsed <= pair.Second.Elapsed));
    }

    [Fact]
    public async Task Without_a_progress_nothing_changes()
    {
        using var engine = ChokepointEngine.Create(new EngineSettings { Network = internet.Profile });

        var (_, report) = await engine.AuditAsync("twodns-demo.com");

        Assert.Equal("twodns-demo.com", report.Domain);
    }
}
