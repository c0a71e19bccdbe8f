using Chokepoint.Collection.Dns;
using Chokepoint.Observations.Dns;

namespace Chokepoint.Collection.Tests.Simulated;

public sealed class ZoneCollectorTests(DemoInternetFixture demo) : IClassFixture<DemoInternetFixture>
{
    private static readonly string[] Route53 = ["ns-1345.awsdns-40.org", "ns-412.awsdns-51.com", "ns-772.awsdns-32.net"];

    private Task<Collected<ZoneObservation>> FindAsync(string name, string reason = "cname") =>
        new ZoneCollector(new DnsLookup(demo.Internet.Profile, TimeProvider.System, TimeSpan.FromSeconds(3)))
            .FindZoneAsync(name, reason, CancellationToken.None);

    [Fact]
    public async Task Cdn_name_is_found_in_its_providers_zone_with_the_nameservers()
    {
        var found = await FindAsync("D2X7Q9R4T1UV8W.cloudfront.net.");

        var zone = Assert.IsType<ZoneObservation>(found.Value);
        Assert.Empty(found.Unobserved);
        Assert.Equal("cloudfront.net", zone.Zone);
        Assert.Equal(["d2x7q9r4t1uv8w.cloudfront.net"], zone.Names);
        Assert.Equal("cname", zone.Reason);
        Assert.Equal(Route53, zone.NameServers.Order(StringComparer.Ordinal));
        Assert.NotNull(zone.Ttl);
        Assert.StartsWith("dns ", zone.Provenance!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cname_owner_is_not_taken_for_the_zone_even_when_its_target_owns_ns()
    {
        // www.selfhosted-demo.net is a CNAME to the zone apex: its NS answer holds the apex's NS records.
        var found = await FindAsync("www.selfhosted-demo.net");

        Assert.Equal("selfhosted-demo.net", found.Value!.Zone);
        Assert.All(found.Value.NameServers, ns => Assert.EndsWith(".selfhosted-demo.net", ns, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deep_name_is_found_in_the_zone_several_labels_up()
    {
        var found = await FindAsync("www.twoca-demo.com.edgekey.net");

        Assert.Equal("edgekey.net", found.Value!.Zone);
        Assert.Equal(["a1-64.akam.net", "a7-65.akam.net"], found.Value.NameServers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ocsp_host_behind_a_cname_is_found_in_its_own_zone()
    {
        var found = await FindAsync("ocsp.digicert.com", "ocsp");

        Assert.Equal("digicert.com", found.Value!.Zone);
        Assert.Equal("ocsp", found.Value.Reason);
        Assert.Equal(["ns1.digicert.com", "ns2.digicert.com"], found.Value.NameServers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Name_under_no_zone_is_a_gap_naming_the_host()
    {
        var found = await FindAsync("nowhere.zz-no-such-tld");

        Assert.Null(found.Value);
        var gap = Assert.Single(found.Unobserved);
        Assert.StartsWith("upstream.zone.", gap.What, StringComparison.Ordinal);
        Assert.Contains("nowhere.zz-no-such-tld", gap.Reason, StringComparison.Ordinal);
    }
}
