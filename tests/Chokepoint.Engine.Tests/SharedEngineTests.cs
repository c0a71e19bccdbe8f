using System.Diagnostics;
using Chokepoint.Engine.Data;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// Several sites audited at once through one engine share what one engine holds: the IP-to-ASN table read once, the
/// RDAP bootstrap fetched once, and DNS answers kept for their TTL. Counted at the simulated servers and at the one
/// seam through which the engine reads data files.
/// </summary>
public sealed class SharedEngineTests : IAsyncLifetime
{
    private static readonly string[] Sites = ["onestack-demo.com", "twodns-demo.com", "quietharbor-consulting.com", "boulangerie-demo.fr"];

    private SimulatedInternet internet = null!;

    public async Task InitializeAsync() => internet = await SimulatedInternet.StartAsync(DemoWorld.Load());

    public async Task DisposeAsync() => await internet.DisposeAsync();

    [Fact]
    public async Task Concurrent_audits_read_the_asn_data_once_and_fetch_the_rdap_bootstrap_once()
    {
        // The engine's own copy of the world's IP-to-ASN file, removed once the engine is built: a later read would fail.
        var asnCopy = Path.GetTempFileName();
        File.Copy(internet.Profile.AsnDatabase!, asnCopy, overwrite: true);
        var reads = new List<string>();
        var settings = new EngineSettings { Network = internet.Profile with { AsnDatabase = asnCopy }, DnsQueryTimeout = TimeSpan.FromSeconds(10) };
        var dataSets = EngineDataSets.Load(DataDirectory.Locate(), asnCopy, path =>
        {
            lock (reads)
            {
                reads.Add(path);
            }

            return File.ReadAllBytes(path);
        });
        using var engine = new ChokepointEngine(settings, dataSets);
        File.Delete(asnCopy);
        var bootstrapBefore = internet.Rdap.BootstrapRequests;

        var outcomes = await Task.WhenAll(Sites.Select(site => engine.AuditAsync(site)));

        Assert.Equal([asnCopy], reads);
        Assert.Equal(0, bootstrapBefore);
        Assert.Equal(1, internet.Rdap.BootstrapRequests);
        foreach (var (observations, report) in outcomes)
        {
            Assert.DoesNotContain(observations.Unobserved, gap => gap.Subject is GapKeys.Asn or GapKeys.Rdap);
            Assert.Contains(observations.Hosts.SelectMany(h => h.Addresses), address => address.Asn is not null);
            Assert.NotNull(observations.Registration);
            Assert.NotNull(report.Grade);
        }
    }

    [Fact]
    public async Task Concurrent_audits_through_one_engine_see_what_audits_one_at_a_time_see()
    {
        var settings = new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) };
        using var shared = ChokepointEngine.Create(settings);
        var together = await Task.WhenAll(Sites.Select(site => shared.AuditAsync(site)));

        foreach (var (site, outcome) in Sites.Zip(together))
        {
            using var alone = ChokepointEngine.Create(settings);
            var single = await alone.AuditAsync(site);
            Assert.Equal(Summary(single.Report), Summary(outcome.Report));
        }
    }

    [Fact]
    public async Task A_repeated_question_is_answered_from_the_cache_not_asked_again()
    {
        using var engine = ChokepointEngine.Create(new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) });
        var first = await engine.AuditAsync("onestack-demo.com");
        Assert.DoesNotContain(first.Observations.Unobserved, gap => gap.Kind is GapKind.Timeout or GapKind.BudgetSpent);
        await internet.Dns.Queries.WhenQuietAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        var afterFirst = internet.Dns.Queries.Snapshot();

        await engine.AuditAsync("onestack-demo.com");
        await engine.AuditAsync("twodns-demo.com");
        var afterMore = internet.Dns.Queries.Snapshot();

        // Every question the first audit asked of the resolver about the site and its TLD is not asked again.
        var askedOfResolver = afterFirst.Keys.Where(key => key.Resolver && (key.Name.EndsWith("onestack-demo.com", StringComparison.Ordinal) || key.Name == "com")).ToList();
        Assert.NotEmpty(askedOfResolver);
        Assert.All(askedOfResolver, key => Assert.True(afterMore[key] == afterFirst[key], $"{key} was asked again"));
        Assert.True(afterMore.Values.Sum() > afterFirst.Values.Sum(), "the audit of another site asked nothing at all");
    }

    [Fact]
    public async Task An_audit_is_traced_by_stage_and_by_probe()
    {
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is EngineTelemetry.SourceName or "Chokepoint.Collection",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity.Source.Name + "/" + activity.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var engine = ChokepointEngine.Create(new EngineSettings { Network = internet.Profile });

        await engine.AuditAsync("onestack-demo.com");

        lock (spans)
        {
            Assert.Contains("Chokepoint.Engine/audit", spans);
            Assert.Contains("Chokepoint.Engine/collect", spans);
            Assert.Contains("Chokepoint.Engine/analyze", spans);
            Assert.Contains(spans, span => span.StartsWith("Chokepoint.Collection/dns", StringComparison.Ordinal));
            Assert.Contains(spans, span => span.StartsWith("Chokepoint.Collection/rdap", StringComparison.Ordinal));
        }
    }

    private static string Summary(Model.AuditReport report) =>
        string.Join("\n", report.Layers.SelectMany(layer => layer.Dependencies.Select(d => $"{layer.Layer} {d.Entity.Id} {d.Service} {d.Redundant}")).Order(StringComparer.Ordinal))
        + "\ngrade " + report.Grade + "\n" + string.Join("\n", report.Chokepoints.Select(c => $"{c.Entity.Id} {c.Severity}").Order(StringComparer.Ordinal));
}
