using Chokepoint.Attribution.Audit;
using Chokepoint.Model;
using Chokepoint.Observations;

namespace Chokepoint.Attribution.Tests.Audit;

/// <summary>Layers take their gaps by subject, never by the text of the key or the reason; no gap is lost.</summary>
public sealed class GapLayersTests
{
    private static List<Layer> LayersShowing(AuditReport report, Unobserved gap) =>
        report.Layers.Where(l => l.Unobserved.Any(u => u.What == gap.What && u.Reason == gap.Reason)).Select(l => l.Layer).ToList();

    [Fact]
    public void A_gap_lands_by_its_subject_even_when_its_key_says_otherwise()
    {
        // A key that reads like DNS, about a TLS handshake: the subject decides.
        var misleading = new Unobserved("dns.ns.child", "TLS handshake failed") { Subject = GapKeys.Tls, Kind = GapKind.TlsInvalid, Target = "shop.com" };
        var observations = new SiteObservations { Domain = "shop.com", Unobserved = [misleading] };

        var report = TestCatalog.Attributor.Attribute(observations);

        Assert.Equal([Layer.Tls], LayersShowing(report, misleading));
        var item = Assert.Single(report.Layers.Single(l => l.Layer == Layer.Tls).Unobserved, u => u.What == "dns.ns.child");
        Assert.Equal(("tls-invalid", GapKeys.Tls, "shop.com"), (item.Kind, item.Subject, item.Target));
    }

    [Theory]
    [InlineData(GapKeys.Rdap, Layer.Registration)]
    [InlineData(GapKeys.RdapRegistrar, Layer.Registration)]
    [InlineData(GapKeys.DnsNsParent, Layer.Dns)]
    [InlineData(GapKeys.HostWwwAaaa, Layer.Hosting)]
    [InlineData(GapKeys.Http, Layer.Hosting)]
    [InlineData(GapKeys.HostOcsp, Layer.Tls)]
    [InlineData(GapKeys.UpstreamZoneOcsp, Layer.Tls)]
    [InlineData(GapKeys.UpstreamZoneCname, Layer.Cdn)]
    [InlineData(GapKeys.MailExchanger, Layer.Mail)]
    [InlineData(GapKeys.UpstreamZoneMx, Layer.Mail)]
    [InlineData(GapKeys.Page, Layer.Page)]
    [InlineData(GapKeys.AdsTxt, Layer.Money)]
    public void Each_subject_is_shown_by_its_layer_only(string subject, Layer layer)
    {
        var gap = Unobserved.Of(subject, GapKind.Timeout, "timed out after 3 s");
        var report = TestCatalog.Attributor.Attribute(new SiteObservations { Domain = "shop.com", UpstreamZones = [], Unobserved = [gap] });

        Assert.Equal([layer], LayersShowing(report, gap));
    }

    [Fact]
    public void Caa_is_shown_with_dns_and_with_tls()
    {
        var gap = Unobserved.Of(GapKeys.DnsCaa, GapKind.ServFail, "SERVFAIL", "shop.com");
        var report = TestCatalog.Attributor.Attribute(new SiteObservations { Domain = "shop.com", Unobserved = [gap] });

        Assert.Equal([Layer.Dns, Layer.Tls], LayersShowing(report, gap));
    }

    [Fact]
    public void Every_subject_in_the_keys_has_a_layer_and_every_gap_is_shown()
    {
        var gaps = GapKeys.All.Select(subject => Unobserved.Of(subject, GapKind.Failed, $"{subject} failed", "target.shop.com"))
            .Append(new Unobserved("something.new", "odd"))
            .ToList();
        var report = TestCatalog.Attributor.Attribute(new SiteObservations { Domain = "shop.com", UpstreamZones = [], Unobserved = gaps });

        Assert.All(GapKeys.All, subject => Assert.True(GapLayers.IsClaimed(subject), subject));
        Assert.All(gaps, gap => Assert.NotEmpty(LayersShowing(report, gap)));
        Assert.Equal([Layer.Hosting], LayersShowing(report, gaps[^1]));
    }

    [Fact]
    public void A_version_1_gap_is_shown_by_the_subject_of_its_key_as_not_classified()
    {
        const string Json = """{ "formatVersion": 1, "domain": "shop.com", "unobserved": [ { "what": "tls.www.shop.com", "reason": "connection refused" } ] }""";
        Assert.True(ObservationsJson.TryParse(Json, out var observations, out var error), error);

        var tls = TestCatalog.Attributor.Attribute(observations!).Layers.Single(l => l.Layer == Layer.Tls);

        var item = Assert.Single(tls.Unobserved, u => u.What == "tls.www.shop.com");
        Assert.Equal(("not-classified", GapKeys.Tls, "www.shop.com"), (item.Kind, item.Subject, item.Target));
    }
}
