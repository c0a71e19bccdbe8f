using Chokepoint.Collection.Dns;
using Chokepoint.Collection.Tls;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Tls;

namespace Chokepoint.Collection.Tests.Dns;

public sealed class ZoneCandidateTests
{
    [Fact]
    public void Candidates_are_the_name_and_its_ancestors_down_to_two_labels_longest_first() =>
        Assert.Equal(
            ["www.twoca-demo.com.edgekey.net", "twoca-demo.com.edgekey.net", "com.edgekey.net", "edgekey.net"],
            ZoneCollector.Candidates("WWW.twoca-demo.com.EdgeKey.net."));

    [Fact]
    public void Candidates_are_capped_keeping_the_names_nearest_the_top()
    {
        var candidates = ZoneCollector.Candidates("a.b.c.d.e.f.g.h.example.com");

        Assert.Equal(ZoneCollector.MaxCandidates, candidates.Count);
        Assert.Equal("example.com", candidates[^1]);
        Assert.Equal("d.e.f.g.h.example.com", candidates[0]);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("")]
    [InlineData("a..example.com")]
    public void A_name_without_two_labels_has_no_candidates(string name) =>
        Assert.Empty(ZoneCollector.Candidates(name));

    [Fact]
    public void Merge_joins_the_names_of_one_zone_and_reason_and_keeps_reasons_apart()
    {
        ZoneObservation[] zones =
        [
            new() { Zone = "example.net", Names = ["a.example.net"], Reason = "cname", NameServers = ["ns1.example.net"] },
            new() { Zone = "other.org", Names = ["x.other.org"], Reason = "cname" },
            new() { Zone = "example.net", Names = ["b.example.net", "a.example.net"], Reason = "cname" },
            new() { Zone = "example.net", Names = ["ocsp.example.net"], Reason = "ocsp" },
        ];

        var merged = ZoneCollector.Merge(zones);

        Assert.Equal(3, merged.Count);
        var cname = Assert.Single(merged, z => z.Zone == "example.net" && z.Reason == "cname");
        Assert.Equal(["a.example.net", "b.example.net"], cname.Names);
        Assert.Equal(["ns1.example.net"], cname.NameServers);
        Assert.Equal(["ocsp.example.net"], Assert.Single(merged, z => z.Reason == "ocsp").Names);
    }

    [Fact]
    public void Ocsp_hosts_are_the_lowercase_hosts_of_the_urls_without_repeats()
    {
        var leaf = new CertificateObservation
        {
            Subject = "CN=example.com",
            Issuer = "CN=CA",
            OcspUrls = ["http://OCSP.DigiCert.com", "http://ocsp.digicert.com/", "http://o.pki.goog/wr1", "not a url"],
        };

        Assert.Equal(["ocsp.digicert.com", "o.pki.goog"], CertificateReader.OcspHosts(leaf));
    }
}
