using Chokepoint.Collection.Audit;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Xunit.Abstractions;

namespace Chokepoint.Collection.Tests.Simulated;

/// <summary>The providers' own DNS and the OCSP responder's host, collected with the rest of a site.</summary>
public sealed class UpstreamZoneCollectionTests(DemoInternetFixture demo, ITestOutputHelper output) : IClassFixture<DemoInternetFixture>
{
    private static readonly CollectionOptions Options = new() { Timeout = TimeSpan.FromSeconds(15) };

    private async Task<SiteObservations> CollectAsync(string domain)
    {
        var site = await new AuditCollector(TimeProvider.System).CollectAsync(domain, demo.Internet.Profile, Options, CancellationToken.None);
        foreach (var zone in site.UpstreamZones!)
        {
            output.WriteLine($"{zone.Reason} {zone.Zone} [{string.Join(", ", zone.Names)}] -> {string.Join(", ", zone.NameServers)} ttl {zone.Ttl}");
        }

        foreach (var gap in site.Unobserved)
        {
            output.WriteLine($"{gap.What}: {gap.Reason}");
        }

        return site;
    }

    private static ZoneObservation Zone(SiteObservations site, string zone, string reason) =>
        Assert.Single(site.UpstreamZones!, z => z.Zone == zone && z.Reason == reason);

    [Fact]
    public async Task Cloudfront_target_of_www_gives_the_route53_zone()
    {
        var site = await CollectAsync("twodns-demo.com");

        var zone = Zone(site, "cloudfront.net", "cname");
        Assert.Equal(["d2x7q9r4t1uv8w.cloudfront.net"], zone.Names);
        Assert.Equal(["ns-1345.awsdns-40.org", "ns-412.awsdns-51.com", "ns-772.awsdns-32.net"], zone.NameServers.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(site.Unobserved, u => u.What.StartsWith("upstream.zone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shopify_target_gives_a_zone_served_by_ns1_and_dnsimple()
    {
        var site = await CollectAsync("tinyteapot-shop.com");

        var zone = Zone(site, "myshopify.com", "cname");
        Assert.Equal(["shops.myshopify.com"], zone.Names);
        Assert.Contains(zone.NameServers, ns => ns.EndsWith(".nsone.net", StringComparison.Ordinal));
        Assert.Contains("ns1.dnsimple.com", zone.NameServers);
        Assert.Contains("ns2.dnsimple-edge.net", zone.NameServers);
        Assert.Contains("ns3.dnsimple.com", zone.NameServers);
        Assert.Contains("ns4.dnsimple-edge.org", zone.NameServers);
        Assert.Equal(8, zone.NameServers.Count);
    }

    [Fact]
    public async Task Digicert_leaf_gives_the_ocsp_host_behind_edgecast_and_its_zones()
    {
        var site = await CollectAsync("twoca-demo.com");

        var ocsp = Assert.Single(site.Hosts, h => h.Role == "ocsp");
        Assert.Equal("ocsp.digicert.com", ocsp.Name);
        Assert.Equal("fp2e7a.wpc.phicdn.net", ocsp.CnameChain[^1]);
        Assert.All(ocsp.Addresses, a => Assert.Equal(15133, a.Asn));
        Assert.NotEmpty(ocsp.Addresses);
        Assert.Equal(["apex", "www", "ocsp"], site.Hosts.Select(h => h.Role));

        var digicert = Zone(site, "digicert.com", "ocsp");
        Assert.Equal(["ocsp.digicert.com", "ocsp.edge.digicert.com"], digicert.Names);
        var phicdn = Zone(site, "phicdn.net", "ocsp");
        Assert.Equal(["fp2e7a.wpc.2be4.phicdn.net", "fp2e7a.wpc.phicdn.net"], phicdn.Names);
        Assert.Equal(["ns1.phicdn.net", "ns2.phicdn.net"], phicdn.NameServers.Order(StringComparer.Ordinal));

        // www's CNAME chain stays at Akamai: edgekey.net, then akamaiedge.net.
        Assert.Equal("edgekey.net", Zone(site, "edgekey.net", "cname").Zone);
        Assert.Equal("akamaiedge.net", Zone(site, "akamaiedge.net", "cname").Zone);
        Assert.DoesNotContain(site.Unobserved, u => u.What.StartsWith("upstream.zone", StringComparison.Ordinal) || u.What == "host.ocsp");
    }

    [Fact]
    public async Task Mail_exchangers_outside_the_site_give_their_zones_and_own_ones_do_not()
    {
        var webmail = await CollectAsync("quietharbor-consulting.com");
        var selfHosted = await CollectAsync("selfhosted-demo.net");
        var nullMx = await CollectAsync("tinyteapot-shop.com");

        var google = Zone(webmail, "google.com", "mx");
        Assert.Contains("aspmx.l.google.com", google.Names);
        Assert.Equal(["ns1.google.com", "ns2.google.com"], google.NameServers.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(selfHosted.UpstreamZones!, z => z.Reason == "mx");
        Assert.DoesNotContain(nullMx.UpstreamZones!, z => z.Reason == "mx");
        Assert.DoesNotContain(nullMx.Unobserved, u => u.What.StartsWith("upstream.zone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Site_with_address_records_only_has_no_cname_zones()
    {
        var site = await CollectAsync("onestack-demo.com");

        Assert.DoesNotContain(site.UpstreamZones!, z => z.Reason == "cname");
        Assert.All(site.Hosts.Where(h => h.Role is "apex" or "www"), h => Assert.Empty(h.CnameChain));
        Assert.Equal("o.pki.goog", Assert.Single(site.Hosts, h => h.Role == "ocsp").Name);
        Assert.Equal(["o.pki.goog"], Zone(site, "pki.goog", "ocsp").Names);
    }

    [Fact]
    public async Task Names_inside_the_site_are_not_looked_up()
    {
        // www.selfhosted-demo.net is a CNAME to the site's own apex.
        var site = await CollectAsync("selfhosted-demo.net");

        Assert.Equal(["selfhosted-demo.net"], Assert.Single(site.Hosts, h => h.Role == "www").CnameChain);
        Assert.DoesNotContain(site.UpstreamZones!, z => z.Reason == "cname");
    }

    [Fact]
    public async Task Upstream_zones_round_trip_through_the_observations_json()
    {
        var site = await CollectAsync("twoca-demo.com");

        var json = ObservationsJson.Serialize(site);
        Assert.True(ObservationsJson.TryParse(json, out var parsed, out var error), error);

        Assert.Contains("\"upstreamZones\"", json, StringComparison.Ordinal);
        Assert.Equal(site.UpstreamZones!.Count, parsed!.UpstreamZones!.Count);
        Assert.Equal(site.UpstreamZones!.Select(z => (z.Zone, z.Reason, z.Ttl)), parsed.UpstreamZones!.Select(z => (z.Zone, z.Reason, z.Ttl)));
        Assert.Equal(site.UpstreamZones!.SelectMany(z => z.Names.Concat(z.NameServers)), parsed.UpstreamZones!.SelectMany(z => z.Names.Concat(z.NameServers)));
        Assert.Equal(json, ObservationsJson.Serialize(parsed));
    }
}
