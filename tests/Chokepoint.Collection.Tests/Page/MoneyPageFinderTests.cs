using Chokepoint.Collection.Page;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Tests.Page;

public sealed class MoneyPageFinderTests
{
    private static readonly Uri Landing = new("https://www.example.org/");

    private static PageLink Link(string url, string? text) =>
        new() { Url = url, Host = new Uri(url).Host, Text = text };

    [Theory]
    [InlineData("https://www.example.org/x1", "Donate", "donate")]
    [InlineData("https://www.example.org/x2", "Faire un don", "donate")]
    [InlineData("https://www.example.org/x3", "Jetzt spenden", "donate")]
    [InlineData("https://www.example.org/x4", "Donar ahora", "donate")]
    [InlineData("https://www.example.org/x5", "Doar", "donate")]
    [InlineData("https://www.example.org/x6", "Doneer nu", "donate")]
    [InlineData("https://www.example.org/x7", "Soutenir le journal", "support")]
    [InlineData("https://www.example.org/x8", "Unterstützen Sie uns", "support")]
    [InlineData("https://www.example.org/x9", "Apoyar", "support")]
    [InlineData("https://www.example.org/y1", "Support us", "support")]
    [InlineData("https://www.example.org/y2", "Adhérer", "membership")]
    [InlineData("https://www.example.org/y3", "Mitglied werden", "membership")]
    [InlineData("https://www.example.org/y4", "Hazte socio", "membership")]
    [InlineData("https://www.example.org/y5", "Boutique", "shop")]
    [InlineData("https://www.example.org/y6", "Tienda", "shop")]
    [InlineData("https://www.example.org/y7", "Loja", "shop")]
    [InlineData("https://www.example.org/y8", "Winkel", "shop")]
    [InlineData("https://www.example.org/y9", "S'abonner", "subscribe")]
    [InlineData("https://www.example.org/z1", "Jetzt abonnieren", "subscribe")]
    [InlineData("https://www.example.org/z2", "Suscribirse", "subscribe")]
    [InlineData("https://www.example.org/z3", "Assinar", "subscribe")]
    [InlineData("https://www.example.org/spenden/", null, "donate")]
    [InlineData("https://www.example.org/fr/faire-un-don", null, "donate")]
    [InlineData("https://shop.example.org/", "Merch", "shop")]
    [InlineData("https://www.example.org/support-us", "Help", "support")]
    public void Money_pages_are_found_by_text_or_path_in_several_languages(string url, string? text, string purpose)
    {
        var found = MoneyPageFinder.Find([Link("https://www.example.org/news", "News"), Link(url, text)], Landing);

        var page = Assert.Single(found);
        Assert.Equal(purpose, page.Purpose);
        Assert.Equal(new Uri(url), page.Url);
    }

    [Fact]
    public void Other_sites_ordinary_links_and_the_page_itself_are_not_money_pages()
    {
        var found = MoneyPageFinder.Find(
            [
                Link("https://www.paypal.com/donate?id=1", "Donate"),
                Link("https://example.org.evil.example/donate", "Donate"),
                Link("https://www.example.org/", "Donate"),
                Link("https://www.example.org/about", "About us"),
                Link("https://www.example.org/help", "Customer support"),
                Link("https://www.example.org/articles/why-we-dont-write-about-x", "Why we don't write about X"),
            ],
            Landing);

        Assert.Empty(found);
    }

    [Fact]
    public void One_page_per_purpose_is_chosen_first_and_the_count_is_bounded()
    {
        var links = new[]
        {
            Link("https://www.example.org/shop", "Shop"),
            Link("https://www.example.org/shop/mugs", "Shop mugs"),
            Link("https://www.example.org/subscribe", "Subscribe"),
            Link("https://www.example.org/donate#top", "Donate"),
            Link("https://www.example.org/donate", "Donate again"),
            Link("https://www.example.org/membership", "Membership"),
        };

        var found = MoneyPageFinder.Find(links, Landing, maxPages: 3);

        Assert.Equal(["donate", "membership", "subscribe"], found.Select(p => p.Purpose));
        Assert.Equal("https://www.example.org/donate", found[0].Url.AbsoluteUri);
    }

    [Fact]
    public void The_site_domain_given_decides_what_is_same_site()
    {
        var links = new[] { Link("https://give.example.net/donate", "Donate") };

        Assert.Empty(MoneyPageFinder.Find(links, Landing));
        Assert.Single(MoneyPageFinder.Find(links, Landing, siteDomain: "example.net"));
    }
}
