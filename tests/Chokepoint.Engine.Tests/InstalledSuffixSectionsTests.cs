using Chokepoint.Engine.Data;
using Chokepoint.Naming;

namespace Chokepoint.Engine.Tests;

/// <summary>
/// The installed Public Suffix List (the pinned <c>psl</c> package, whose array lost the section markers) is split into
/// its ICANN and private sections by order: checked here on the real list against suffixes whose section is known.
/// </summary>
public sealed class InstalledSuffixSectionsTests
{
    private static readonly PublicSuffixList Installed = EngineDataSets.Load(DataDirectory.Locate()).Suffixes;

    [Theory]
    [InlineData("d111.cloudfront.net", "cloudfront.net")]
    [InlineData("alice.github.io", "github.io")]
    [InlineData("x.blogspot.com", "blogspot.com")]
    [InlineData("app.herokuapp.com", "herokuapp.com")]
    [InlineData("site.azurewebsites.net", "azurewebsites.net")]
    [InlineData("bucket.s3.amazonaws.com", "amazonaws.com")]
    [InlineData("shop.myshopify.com", "myshopify.com")]
    [InlineData("x.pages.dev", "pages.dev")]
    [InlineData("y.web.app", "web.app")]
    [InlineData("team.vercel.app", "vercel.app")]
    [InlineData("a.netlify.app", "netlify.app")]
    [InlineData("a.b.akamaihd.net", "akamaihd.net")]
    public void Suffixes_companies_run_are_in_the_private_section(string host, string operatorDomain)
    {
        Assert.Equal(PublicSuffixSection.Private, Installed.GetSection(host));
        Assert.Equal(operatorDomain, Installed.GetIcannRegistrableDomain(Installed.GetPublicSuffix(host)));
    }

    [Theory]
    [InlineData("www.example.com")]
    [InlineData("www.example.co.uk")]
    [InlineData("a.b.kyoto.jp")]
    [InlineData("news.example.com.br")]
    [InlineData("example.zuerich")]
    [InlineData("shop.example.xn--p1ai")]
    public void Registry_suffixes_are_in_the_ICANN_section(string host) =>
        Assert.Equal(PublicSuffixSection.Icann, Installed.GetSection(host));

    [Fact]
    public void The_private_section_is_a_large_minority_of_the_list()
    {
        // psl 1.15.0: 9,776 rules, of which 2,916 follow the last single-label rule (zuerich).
        Assert.InRange(Installed.PrivateRuleCount, 2_000, Installed.RuleCount / 2);
    }
}
