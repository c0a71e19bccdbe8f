using Chokepoint.Collection.Audit;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;
using Chokepoint.Simulation.World;

namespace Chokepoint.Collection.Tests.Simulated;

public sealed class BudgetTests
{
    private static async Task<SimulatedInternet> StartSlowInternetAsync()
    {
        var world = DemoWorld.Load();
        world.Faults.Add(new Fault { Target = "*", Kind = "delay", DelayMs = 4_000 });
        return await SimulatedInternet.StartAsync(world);
    }

    [Fact]
    public async Task Exhausted_budget_gives_finished_observations_with_reasons()
    {
        await using var internet = await StartSlowInternetAsync();
        var options = new CollectionOptions { Timeout = TimeSpan.FromSeconds(1), DnsQueryTimeout = TimeSpan.FromSeconds(3) };

        var site = await new AuditCollector(TimeProvider.System).CollectAsync("onestack-demo.com", internet.Profile, options, CancellationToken.None);

        Assert.Equal("onestack-demo.com", site.Domain);
        Assert.Contains(site.Unobserved, u => u.What == "dns" && u.Reason == "not finished within the 1 s collection budget");
        Assert.Contains(site.Unobserved, u => u is { Subject: GapKeys.Dns, Kind: GapKind.BudgetSpent, Target: "onestack-demo.com" });
        Assert.Equal(GapKind.BudgetSpent, Assert.Single(site.Unobserved, u => u.What == "rdap").Kind);
        Assert.Contains(site.Unobserved, u => u.What == "rdap");
        Assert.Null(site.Dns);
        Assert.Empty(site.Hosts);
    }

    [Fact]
    public async Task Caller_cancellation_throws_instead_of_reporting()
    {
        await using var internet = await StartSlowInternetAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new AuditCollector(TimeProvider.System).CollectAsync("onestack-demo.com", internet.Profile, new CollectionOptions(), cancellation.Token));
    }

    [Fact]
    public async Task Per_query_timeout_is_reported_as_such_within_a_larger_budget()
    {
        await using var internet = await StartSlowInternetAsync();
        var options = new CollectionOptions { Timeout = TimeSpan.FromSeconds(10), DnsQueryTimeout = TimeSpan.FromMilliseconds(500), RdapTimeout = TimeSpan.FromMilliseconds(500) };

        var site = await new AuditCollector(TimeProvider.System).CollectAsync("onestack-demo.com", internet.Profile, options, CancellationToken.None);

        Assert.Contains(site.Unobserved, u => u.What == "dns.soa" && u.Reason == "timed out after 0.5 s" && u.Kind == GapKind.Timeout && u.Subject == GapKeys.DnsSoa);
        Assert.Contains(site.Unobserved, u => u.What == "host.apex" && u.Reason.EndsWith("timed out after 0.5 s", StringComparison.Ordinal));
        Assert.Contains(site.Unobserved, u => u.What == "rdap" && u.Reason.Contains("timed out after 0.5 s", StringComparison.Ordinal));
        Assert.NotNull(site.Dns);
    }
}
