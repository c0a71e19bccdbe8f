using Chokepoint.Collection.Audit;
using Chokepoint.Collection.Dns;
using Chokepoint.Observations;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>A provider zone the resolver cannot answer for ends as a reported gap naming the host, never an exception.</summary>
public sealed class ZoneFaultCollectionTests(ZoneFaultInternetFixture faulty, ITestOutputHelper output) : IClassFixture<ZoneFaultInternetFixture>
{
    private static readonly CollectionOptions Options = new()
    {
        // Generous per-query timeout: the first queries of a fresh process may be slow, and only the silent zone may time out.
        Timeout = TimeSpan.FromSeconds(20),
        DnsQueryTimeout = TimeSpan.FromSeconds(3),
    };

    private Task<SiteObservations> CollectAsync(string domain) => SimulatedAudit.CollectAsync(faulty.Internet, domain, Options, output);

    [Fact]
    public async Task Servfail_at_the_zone_apex_is_a_gap_naming_the_cdn_host()
    {
        var site = await CollectAsync("twodns-demo.com");

        var gap = Assert.Single(site.Unobserved, u => u.What.StartsWith("upstream.zone", StringComparison.Ordinal));
        Assert.Contains("d2x7q9r4t1uv8w.cloudfront.net", gap.Reason, StringComparison.Ordinal);
        Assert.Contains("SERVFAIL", gap.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(site.UpstreamZones!, z => z.Zone == "cloudfront.net");
        Assert.Equal(["d2x7q9r4t1uv8w.cloudfront.net"], Assert.Single(site.Hosts, h => h.Role == "www").CnameChain);
    }

    [Fact]
    public async Task Silent_zone_apex_behind_the_ocsp_host_is_a_timed_out_gap_and_the_rest_is_kept()
    {
        var site = await CollectAsync("twoca-demo.com");

        var gaps = site.Unobserved.Where(u => u.What.StartsWith("upstream.zone", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, gaps.Count);
        Assert.Contains(gaps, g => g.Reason.Contains("fp2e7a.wpc.phicdn.net", StringComparison.Ordinal));
        Assert.Contains(gaps, g => g.Reason.Contains("fp2e7a.wpc.2be4.phicdn.net", StringComparison.Ordinal));
        Assert.All(gaps, g => Assert.Contains("timed out", g.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(site.UpstreamZones!, z => z.Zone == "phicdn.net");
        Assert.Contains(site.UpstreamZones!, z => z.Zone == "digicert.com" && z.Reason == "ocsp");
        Assert.Equal("ocsp.digicert.com", Assert.Single(site.Hosts, h => h.Role == "ocsp").Name);
    }

    [Fact]
    public async Task Zone_collector_reports_the_failure_as_data()
    {
        var dns = new DnsLookup(faulty.Internet.Profile, TimeProvider.System, TimeSpan.FromSeconds(3));

        var found = await new ZoneCollector(dns).FindZoneAsync("d2x7q9r4t1uv8w.cloudfront.net", "cname", CancellationToken.None);

        Assert.Null(found.Value);
        var gap = Assert.Single(found.Unobserved);
        Assert.StartsWith("upstream.zone.", gap.What, StringComparison.Ordinal);
        Assert.Equal("d2x7q9r4t1uv8w.cloudfront.net: NS of cloudfront.net not observed: SERVFAIL", gap.Reason);
    }

    [Fact]
    public async Task A_name_that_cannot_be_asked_under_an_answering_zone_gives_that_zone_and_says_why()
    {
        var dns = new DnsLookup(faulty.Internet.Profile, TimeProvider.System, TimeSpan.FromSeconds(3));

        var found = await new ZoneCollector(dns).FindZoneAsync("ext-cust.squarespace.com", "cname", CancellationToken.None);

        Assert.Equal("squarespace.com", found.Value?.Zone);
        Assert.Equal(["ext-cust.squarespace.com"], found.Value!.Names);
        var caveat = Assert.Single(found.Unobserved);
        Assert.Equal("upstream.zone.cname", caveat.What);
        Assert.Contains("NS of ext-cust.squarespace.com not observed: SERVFAIL", caveat.Reason, StringComparison.Ordinal);
        Assert.Contains("taken to be squarespace.com", caveat.Reason, StringComparison.Ordinal);
    }
}
