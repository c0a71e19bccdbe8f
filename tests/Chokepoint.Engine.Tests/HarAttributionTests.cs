using Chokepoint.Collection.Page;
using Chokepoint.Observations;
using Chokepoint.Observations.Page;

namespace Chokepoint.Engine.Tests;

/// <summary>The real HAR captures in ../shared/fixtures/har, attributed by the same code the audit runs.</summary>
public sealed class HarAttributionTests(OfflineEngine offline) : IClassFixture<OfflineEngine>
{
    [Theory]
    [InlineData("ign.com", "ign.com.har", "fastly")]
    [InlineData("blooket.com", "blooket.com.har", "fastly")]
    public void Har_response_headers_name_the_site_cdn(string domain, string file, string cdnCompany)
    {
        var capture = HarReader.ReadFile(SharedFixtures.Path("har", file));
        Assert.Null(capture.Error);
        var page = PageCollector.MergeHar(new PageObservation(), capture);
        var observations = new SiteObservations { Domain = domain, Page = page };

        var report = offline.Engine.Analyze(observations);

        var cdn = report.Layers.Single(l => l.Layer == Model.Layer.Cdn);
        Assert.Contains(cdn.Dependencies, d => (d.Owner ?? d.Entity).Id == cdnCompany);
        var pageLayer = report.Layers.Single(l => l.Layer == Model.Layer.Page).Dependencies.Concat(report.Layers.Single(l => l.Layer == Model.Layer.Money).Dependencies);
        Assert.NotEmpty(pageLayer);
    }

    /// <summary>
    /// reddit.com's own names answer through "via: 1.1 varnish" only (no CDN-specific header); its Fastly image
    /// service is on styles.redditmedia.com, another registrable domain, so it is a third party of the page.
    /// </summary>
    [Fact]
    public void Reddit_media_host_is_recognised_as_fastly_when_the_certificate_covers_it()
    {
        var capture = HarReader.ReadFile(SharedFixtures.Path("har", "reddit.com.har"));
        var observations = new SiteObservations
        {
            Domain = "reddit.com",
            Page = PageCollector.MergeHar(new PageObservation(), capture),
            Tls = [new Observations.Tls.TlsObservation { Host = "www.reddit.com", Valid = true, Chain = [new Observations.Tls.CertificateObservation { Subject = "CN=*.reddit.com", Issuer = "CN=DigiCert", SubjectAlternativeNames = ["*.reddit.com", "*.redditmedia.com"] }] }],
        };

        var cdn = offline.Engine.Analyze(observations).Layers.Single(l => l.Layer == Model.Layer.Cdn);

        Assert.Contains(cdn.Dependencies, d => d.Entity.Id == "fastly");
    }

    [Fact]
    public void Blooket_third_parties_include_the_cdnjs_script_cdn_owned_by_cloudflare()
    {
        var capture = HarReader.ReadFile(SharedFixtures.Path("har", "blooket.com.har"));
        var observations = new SiteObservations { Domain = "blooket.com", Page = PageCollector.MergeHar(new PageObservation(), capture) };

        var page = offline.Engine.Analyze(observations).Layers.Single(l => l.Layer == Model.Layer.Page);

        Assert.Contains(page.Dependencies, d => (d.Owner ?? d.Entity).Id == "cloudflare" && d.Evidence.Any(e => e.Value == "cdnjs.cloudflare.com"));
    }
}
