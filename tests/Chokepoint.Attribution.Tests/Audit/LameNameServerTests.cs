using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;

namespace Chokepoint.Attribution.Tests.Audit;

/// <summary>
/// A DNS company in the delegation whose every nameserver is lame or unreachable does not serve the zone: it is kept
/// with its states, but is redundant with nobody, and a note says so. Before, a site delegated to NS1 (answering) and
/// Route 53 (refusing) was called redundant between two companies.
/// </summary>
public sealed class LameNameServerTests
{
    private static NameServerObservation Ns(string host, string state, string? detail = null) =>
        new() { Host = host, AtParent = true, AtChild = state == "authoritative", State = state, Detail = detail };

    private static LayerReport Dns(params NameServerObservation[] nameServers) =>
        TestCatalog.Attributor.Attribute(new SiteObservations { Domain = "halfdns.com", Dns = new DnsObservation { NameServers = [.. nameServers] } })
            .Layers.Single(l => l.Layer == Model.Layer.Dns);

    [Theory]
    [InlineData("lame")]
    [InlineData("unreachable")]
    public void A_company_whose_every_nameserver_does_not_serve_is_redundant_with_nobody_and_named_in_a_note(string state)
    {
        var layer = Dns(Ns("dns1.p01.nsone.net", "authoritative"), Ns("ns-1.awsdns-01.com", state, "127.16.0.2: REFUSED"), Ns("ns-2.awsdns-02.org", state));

        Assert.Equal(2, layer.Dependencies.Count);
        Assert.All(layer.Dependencies, d => Assert.False(d.Redundant, $"{d.Entity.Id} is called redundant"));
        var amazon = layer.Dependencies.Single(d => d.Entity.Id == "amazon");
        Assert.All(amazon.Facts!.Delegation!.NameServers, ns => Assert.Equal(Vocabulary.Parse<NameServerState>(state), ns.State));
        var note = Assert.Single(layer.Notes);
        Assert.StartsWith("Amazon Route 53 does not serve halfdns.com: its nameservers are in the delegation but none answers with authority", note, StringComparison.Ordinal);
        Assert.Contains($"ns-1.awsdns-01.com {state}", note, StringComparison.Ordinal);
        Assert.EndsWith("so the DNS is not redundant between it and NS1 Managed DNS: only NS1 Managed DNS serves the zone", note, StringComparison.Ordinal);
    }

    [Fact]
    public void One_authoritative_nameserver_is_enough_for_a_company_to_count()
    {
        var layer = Dns(Ns("dns1.p01.nsone.net", "authoritative"), Ns("ns-1.awsdns-01.com", "lame"), Ns("ns-2.awsdns-02.org", "authoritative"));

        Assert.All(layer.Dependencies, d => Assert.True(d.Redundant, $"{d.Entity.Id} is not called redundant"));
        Assert.Empty(layer.Notes);
        Assert.DoesNotContain(layer.Unobserved, u => u.What.StartsWith("dns.ns.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unresolved", "its name did not resolve (NXDOMAIN)")]
    [InlineData("unknown", "it was not asked")]
    public void A_company_whose_nameservers_were_not_observed_is_not_lame_but_a_gap_of_the_dns(string state, string why)
    {
        var layer = Dns(Ns("dns1.p01.nsone.net", "authoritative"), Ns("ns-1.awsdns-01.com", state, "NXDOMAIN"), Ns("ns-2.awsdns-02.org", "lame"));

        // Still an alternative as far as was seen, and the gap makes the DNS partly observed.
        Assert.All(layer.Dependencies, d => Assert.True(d.Redundant));
        Assert.Empty(layer.Notes);
        var gap = Assert.Single(layer.Unobserved, u => u.What.StartsWith("dns.ns.", StringComparison.Ordinal));
        Assert.Equal("dns.ns.ns-1.awsdns-01.com", gap.What);
        Assert.Equal($"whether ns-1.awsdns-01.com serves the zone was not observed: {why}", gap.Reason);
    }

    [Fact]
    public void When_no_company_serves_none_is_set_aside()
    {
        var layer = Dns(Ns("dns1.p01.nsone.net", "lame"), Ns("ns-1.awsdns-01.com", "unreachable"));

        Assert.Empty(ZoneServing.NotServing(layer.Dependencies));
        Assert.Empty(layer.Notes);
    }
}
