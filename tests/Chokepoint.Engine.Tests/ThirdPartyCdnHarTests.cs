using Chokepoint.Collection.Page;
using Chokepoint.Observations;
using Chokepoint.Observations.Page;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// Third-party hosts in the real HAR captures of ../shared/fixtures/har get their CDN from their response headers,
/// as the site's own hosts do: the CDN is what that third party relies on, not the site's own CDN.
/// </summary>
public sealed class ThirdPartyCdnHarTests(OfflineEngine offline) : IClassFixture<OfflineEngine>
{
    /// <summary>ign.com's images come from kraken.ignimgs.com (x-served-by: cache-..., via: 1.1 varnish) and reddit's styles from styles.redditmedia.com.</summary>
    [Theory]
    [InlineData("ign.com", "ign.com.har", "kraken.ignimgs.com", "fastly")]
    [InlineData("reddit.com", "reddit.com.har", "styles.redditmedia.com", "fastly")]
    public void A_third_party_image_host_behind_a_cdn_depends_on_that_cdn(string domain, string file, string host, string cdnCompany)
    {
        var capture = HarReader.ReadFile(SharedFixtures.Path("har", file));
        Assert.Null(capture.Error);
        var observations = new SiteObservations { Domain = domain, Page = PageCollector.MergeHar(new PageObservation(), capture) };

        var report = offline.Engine.Analyze(observations);

        var thirdParty = report.Layers.Where(l => l.Layer is Model.Layer.Page or Model.Layer.Money).SelectMany(l => l.Dependencies)
            .Single(d => d.Facts?.PageUses?.Any(use => use.Host == host) == true);
        var cdn = Assert.Single(thirdParty.DependsOn, d => d.Service == Model.ServiceKind.Cdn);
        Assert.Equal(cdnCompany, (cdn.Owner ?? cdn.Entity).Id);
        Assert.Contains(cdn.Facts?.Hosts ?? [], use => use.Host == host && use.Header is not null);
    }
}
