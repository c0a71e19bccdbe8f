using Chokepoint.Collection.Session;
using Chokepoint.Naming;
using Chokepoint.Observations;
using Chokepoint.Simulation;
using Chokepoint.Simulation.Demo;

namespace Chokepoint.Collection.Tests.Session;

/// <summary>
/// The RDAP registrations of the other domains holding a site's nameservers, on the simulated internet: at most four
/// per site, cheapest first, a known provider's skipped, every failure and every domain left over a typed gap.
/// </summary>
public sealed class NameServerDomainCollectionTests
{
    private static readonly PublicSuffixList Suffixes = PublicSuffixList.FromRules(["com", "org", "net"]);

    [Fact]
    public async Task Four_domains_are_looked_up_cheapest_first_and_the_rest_are_bounded_gaps()
    {
        var world = DemoWorld.Load();
        world.Domains.Single(d => d.Name == "harborview-demo.org").NameServers.AddRange(
            ["ns.gamma-demo.com", "ns.delta-demo.net", "ns.beta-demo.org", "ns.alpha-demo.org", "ns.known-demo.net"]);
        await using var internet = await SimulatedInternet.StartAsync(world);
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        var site = await session.CollectAsync(
            "harborview-demo.org",
            new SiteCollectionRequest
            {
                Timeout = TimeSpan.FromSeconds(15),
                RegistrableDomainOf = Suffixes.GetRegistrableDomain,
                IsKnownNameServer = host => host.EndsWith(".known-demo.net", StringComparison.Ordinal),
            },
            CancellationToken.None);

        // Found: the one registered; the .org ones (the site's own registry) came first, then the domain holding most.
        var found = Assert.Single(site.NameServerDomains!);
        Assert.Equal("harborviewgroup-demo.net", found.Domain);
        Assert.Equal("HARBORVIEW GROUP BV", found.Registrant!.Organisation);
        Assert.Equal(1068, found.RegistrarIanaId);
        var gaps = site.Unobserved.Where(g => g.Subject == GapKeys.RdapNameServer).ToDictionary(g => g.Target!, g => g.Kind);
        Assert.Equal(
            new Dictionary<string, GapKind>
            {
                ["alpha-demo.org"] = GapKind.NxDomain,
                ["beta-demo.org"] = GapKind.NxDomain,
                ["delta-demo.net"] = GapKind.NxDomain,
                ["gamma-demo.com"] = GapKind.Bounded,
            },
            gaps);
        Assert.DoesNotContain(site.Unobserved, g => g.Target == "known-demo.net");
        Assert.DoesNotContain(site.Unobserved, g => g.Subject == GapKeys.Rdap);
    }

    [Fact]
    public async Task Without_a_suffix_list_nothing_is_looked_up_and_the_member_says_not_collected()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        var site = await session.CollectAsync("harborview-demo.org", new SiteCollectionRequest { Timeout = TimeSpan.FromSeconds(15) }, CancellationToken.None);

        Assert.Null(site.NameServerDomains);
        Assert.Equal("Harborview Group B.V.", site.Registration!.Registrant!.Organisation);
        Assert.Equal(0, internet.Rdap.Requests.GetValueOrDefault("/rdap/net/domain/harborviewgroup-demo.net"));
    }

    [Fact]
    public async Task A_site_whose_nameservers_are_all_its_own_looks_nothing_up_and_records_an_empty_list()
    {
        await using var internet = await SimulatedInternet.StartAsync(DemoWorld.Load());
        await using var session = new CollectionSession(SessionWorld.Settings(internet), null, TimeProvider.System);

        var site = await session.CollectAsync("selfhosted-demo.net", new SiteCollectionRequest { Timeout = TimeSpan.FromSeconds(15), RegistrableDomainOf = Suffixes.GetRegistrableDomain }, CancellationToken.None);

        Assert.NotNull(site.NameServerDomains);
        Assert.Empty(site.NameServerDomains);
    }
}
