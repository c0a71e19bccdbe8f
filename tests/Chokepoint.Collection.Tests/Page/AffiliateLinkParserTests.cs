using Chokepoint.Collection.Page;

namespace Chokepoint.Collection.Tests.Page;

public sealed class AffiliateLinkParserTests
{
    [Theory]
    [InlineData("https://www.amazon.com/dp/B000123?tag=news-20", "Amazon Associates", "tag=news-20")]
    [InlineData("https://www.amazon.co.uk/gp/product/B01?ref=x&tag=site-21", "Amazon Associates", "tag=site-21")]
    [InlineData("https://amazon.de/dp/1?tag=seite-21", "Amazon Associates", "tag=seite-21")]
    [InlineData("https://amzn.to/3abc?tag=short-20", "Amazon Associates", "tag=short-20")]
    [InlineData("https://www.awin1.com/cread.php?awinmid=6220&awinaffid=123456&ued=https%3A%2F%2Fwww.etsy.com", "Awin", "awinaffid=123456")]
    [InlineData("https://click.linksynergy.com/deeplink?id=AbCdEf123&mid=2149", "Rakuten Advertising", "id=AbCdEf123")]
    [InlineData("https://www.anrdoezrs.net/click-8414516-13981235", "CJ Affiliate", "path:click=8414516")]
    [InlineData("https://www.jdoqocy.com/links/9876543/type/dlg/https://shop.example/", "CJ Affiliate", "path:links=9876543")]
    [InlineData("https://www.kqzyfj.com/click-100-200", "CJ Affiliate", "path:click=100")]
    [InlineData("https://www.dpbolvw.net/click-1-2", "CJ Affiliate", "path:click=1")]
    [InlineData("https://www.tkqlhce.com/click-3-4", "CJ Affiliate", "path:click=3")]
    [InlineData("https://shareasale.com/r.cfm?b=1&u=998877&m=47", "ShareASale", "u=998877")]
    [InlineData("https://brand.sjv.io/c/1234567/890/1234", "Impact", "path:c=1234567")]
    [InlineData("https://brand.pxf.io/c/42/1/2", "Impact", "path:c=42")]
    [InlineData("https://brand.7eer.net/c/77/1/2", "Impact", "path:c=77")]
    [InlineData("https://rover.ebay.com/rover/1/711-53200-19255-0/1?campid=5338123456&toolid=10001", "eBay Partner Network", "campid=5338123456")]
    [InlineData("https://www.booking.com/hotel/fr/x.html?aid=304142", "Booking.com Affiliate Partner Programme", "aid=304142")]
    [InlineData("https://go.skimresources.com/?id=12345X678901&url=https%3A%2F%2Fshop.example", "Skimlinks", "id=12345X678901")]
    [InlineData("https://affname.vendorx.hop.clickbank.net/", "ClickBank", "host=affname")]
    [InlineData("https://www.etsy.com/listing/1?utm_source=affiliate_window&utm_content=778899", "Etsy Affiliates", "utm_content=778899")]
    [InlineData("https://goto.walmart.com/c/111/222/333", "Walmart Affiliates (Impact)", "path:c=111")]
    [InlineData("https://goto.target.com/c/444/555/666", "Target Partners (Impact)", "path:c=444")]
    [InlineData("https://bestbuy.7tiv.net/c/777/888/999", "Best Buy Affiliates (Impact)", "path:c=777")]
    public void Known_programs_are_recognised_with_their_account(string url, string program, string tag)
    {
        var account = AffiliateLinkParser.Parse(url);

        Assert.NotNull(account);
        Assert.Equal(program, account.Program);
        Assert.Equal(tag, account.Tag);
    }

    [Theory]
    [InlineData("https://amazon.com.evil.example/?tag=x")]
    [InlineData("https://notamazon.com/?tag=x")]
    [InlineData("https://amazon.example/?tag=x")]
    [InlineData("https://www.amazon.com/dp/B000123")]
    [InlineData("https://awin1.com.attacker.example/cread.php?awinaffid=1")]
    [InlineData("https://myshareasale.com/r.cfm?u=1")]
    [InlineData("https://sjv.io/c/1/2/3")]
    [InlineData("https://example.org/?tag=news-20&aid=1&campid=2")]
    [InlineData("https://www.etsy.com/listing/1?utm_source=newsletter")]
    [InlineData("https://evilbooking.com/?aid=1")]
    [InlineData("mailto:someone@amazon.com?tag=x")]
    [InlineData("http://s\u063Cop.net:443/%2e%2e/?")] // regression (found by fuzzing): a host that is not a valid IDN threw
    [InlineData("https://amazon.s\u063Cop.com/?tag=x")]
    public void Lookalikes_and_plain_links_are_not_affiliate_links(string url)
    {
        Assert.Null(AffiliateLinkParser.Parse(url));
    }
}
