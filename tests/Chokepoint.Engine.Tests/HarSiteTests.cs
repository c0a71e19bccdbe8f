using Chokepoint.Collection.Page;

namespace Chokepoint.Engine.Tests;

/// <summary>Whose pages a HAR capture holds, judged on the real captures in ../shared/fixtures/har.</summary>
public sealed class HarSiteTests(OfflineEngine offline) : IClassFixture<OfflineEngine>
{
    private HarSite Judge(string file, string site) =>
        HarSite.Of(HarReader.ReadFile(SharedFixtures.Path("har", file)), site, offline.Engine.DataSets.Suffixes.GetRegistrableDomain);

    [Theory]
    [InlineData("ign.com.har", "ign.com")]
    [InlineData("blooket.com.har", "blooket.com")]
    [InlineData("reddit.com.har", "reddit.com")]
    public void A_capture_of_the_site_is_the_sites(string file, string site)
    {
        var judged = Judge(file, site);

        Assert.False(judged.IsOtherSite);
        Assert.True(judged.SiteDocuments > 0);
    }

    [Theory]
    [InlineData("ign.com.har", "blooket.com", "ign.com")]
    [InlineData("reddit.com.har", "ign.com", "reddit.com")]
    public void A_capture_of_another_site_names_whose_pages_it_holds(string file, string site, string owner)
    {
        var judged = Judge(file, site);

        Assert.True(judged.IsOtherSite);
        Assert.Equal(owner, judged.OtherSite);
    }

    [Fact]
    public void Some_foreign_documents_are_counted_but_do_not_make_it_another_sites_capture()
    {
        var capture = new HarCapture
        {
            Entries =
            [
                new HarEntry { Url = "https://www.example.com/", Host = "www.example.com", Kind = "document" },
                new HarEntry { Url = "https://cdn.example.net/app.js", Host = "cdn.example.net", Kind = "script" },
                new HarEntry { Url = "https://ads.example.org/frame.html", Host = "ads.example.org", Kind = "document" },
            ],
        };

        var judged = HarSite.Of(capture, "example.com", offline.Engine.DataSets.Suffixes.GetRegistrableDomain);

        Assert.False(judged.IsOtherSite);
        Assert.Equal(1, judged.SiteDocuments);
        Assert.Equal([("example.org", 1)], judged.ForeignDocuments);
    }

    [Fact]
    public void A_first_page_of_another_site_makes_it_that_sites_capture_whatever_frames_it_holds()
    {
        var capture = new HarCapture
        {
            PageTitle = "https://shop.other.co.uk/basket",
            Entries = [new HarEntry { Url = "https://www.example.com/widget.html", Host = "www.example.com", Kind = "document" }],
        };

        Assert.Equal("other.co.uk", HarSite.Of(capture, "example.com", offline.Engine.DataSets.Suffixes.GetRegistrableDomain).OtherSite);
    }
}
