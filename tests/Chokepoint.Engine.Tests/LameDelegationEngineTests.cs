using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// halfdns-demo.net on the simulated internet: delegated to NS1 and Amazon Route 53, but only NS1 has the zone, and
/// Route 53's nameservers answer REFUSED. The DNS is one company: NS1 alone breaks the name, in the report, in whatif
/// and in the plan; Route 53 stays in the report with its lame nameservers and a note that it does not serve.
/// </summary>
public sealed class LameDelegationEngineTests : IAsyncLifetime
{
    private const string Site = "halfdns-demo.net";
    private SimulatedInternet internet = null!;
    private ChokepointEngine engine = null!;

    public async Task InitializeAsync()
    {
        internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        engine = new ChokepointEngine(new EngineSettings { Network = internet.Profile, DnsQueryTimeout = TimeSpan.FromSeconds(10) }, Data.EngineDataSets.Load(Data.DataDirectory.Locate(), internet.Profile.AsnDatabase));
    }

    public async Task DisposeAsync()
    {
        engine.Dispose();
        await internet.DisposeAsync();
    }

    [Fact]
    public async Task The_dns_of_a_site_whose_second_provider_is_lame_is_a_single_point_of_failure_naming_the_lame_one()
    {
        var (observations, report) = await engine.AuditAsync(Site);

        var dns = report.Layers.Single(l => l.Layer == Layer.Dns);
        var amazon = Assert.Single(dns.Dependencies, d => (d.Owner ?? d.Entity).Id == "amazon");
        var ns1 = Assert.Single(dns.Dependencies, d => (d.Owner ?? d.Entity).Id == "ibm");
        Assert.All(amazon.Facts!.Delegation!.NameServers, ns => Assert.Equal(NameServerState.Lame, ns.State));
        Assert.All(ns1.Facts!.Delegation!.NameServers, ns => Assert.Equal(NameServerState.Authoritative, ns.State));
        Assert.False(amazon.Redundant);
        Assert.False(ns1.Redundant);
        var note = Assert.Single(dns.Notes);
        Assert.StartsWith($"{amazon.Provider} does not serve {Site}", note, StringComparison.Ordinal);
        Assert.Contains("ns-412.awsdns-51.com lame", note, StringComparison.Ordinal);

        var name = report.Functions.Single(f => f.Id == "name-resolves");
        Assert.Contains("ibm", name.SinglePoints);
        Assert.DoesNotContain("amazon", name.SinglePoints);
        Assert.Equal(Coverage.Observed, name.Coverage);
        Assert.Contains(report.Chokepoints, c => c.Entity.Id == "ibm" && c.Functions.Contains("name-resolves"));

        Assert.Equal(OutcomeKind.Fails, engine.WhatIf(report, ["ibm"]).Result.For("name-resolves")!.Outcome);
        Assert.True(engine.WhatIf(report, ["amazon"]).Result.NothingChanges);

        var step = Assert.Single(engine.Plan(observations, report).Steps, s => s.Layer == Layer.Dns);
        Assert.Equal("ibm", step.CompanyId);
        Assert.Contains($"{amazon.Provider} is listed at the registrar (ns-412.awsdns-51.com, ns-1345.awsdns-40.org) but does not serve the zone", step.Text, StringComparison.Ordinal);
        Assert.Contains("counts as missing", step.Text, StringComparison.Ordinal);
    }
}
