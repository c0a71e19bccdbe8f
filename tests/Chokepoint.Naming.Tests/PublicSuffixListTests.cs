namespace Chokepoint.Naming.Tests;

public sealed class PublicSuffixListTests
{
    // A small list in the .dat format, including wildcard, exception, IDN and private-section rules.
    private const string Dat = """
        // ===BEGIN ICANN DOMAINS===
        com
        uk
        co.uk
        jp
        kyoto.jp
        *.kobe.jp
        !city.kobe.jp
        *.ck
        !www.ck
        公司.cn
        cn
        // ===END ICANN DOMAINS===
        // ===BEGIN PRIVATE DOMAINS===
        github.io
        blogspot.com   trailing text is ignored
        // ===END PRIVATE DOMAINS===
        """;

    private static PublicSuffixList List() => PublicSuffixList.Parse(new StringReader(Dat));

    [Theory]
    [InlineData("example.com", "com", "example.com")]
    [InlineData("www.example.com", "com", "example.com")]
    [InlineData("WWW.Example.COM.", "com", "example.com")]
    [InlineData("www.example.co.uk", "co.uk", "example.co.uk")]
    [InlineData("example.uk", "uk", "example.uk")]
    [InlineData("a.b.kyoto.jp", "kyoto.jp", "b.kyoto.jp")]
    [InlineData("www.foo.kobe.jp", "foo.kobe.jp", "www.foo.kobe.jp")]
    [InlineData("www.city.kobe.jp", "kobe.jp", "city.kobe.jp")]
    [InlineData("city.kobe.jp", "kobe.jp", "city.kobe.jp")]
    [InlineData("www.www.ck", "ck", "www.ck")]
    [InlineData("x.y.ck", "y.ck", "x.y.ck")]
    [InlineData("user.github.io", "github.io", "user.github.io")]
    [InlineData("foo.blogspot.com", "blogspot.com", "foo.blogspot.com")]
    [InlineData("shop.公司.cn", "xn--55qx5d.cn", "shop.xn--55qx5d.cn")]
    [InlineData("example.unknowntld", "unknowntld", "example.unknowntld")]
    public void Finds_suffix_and_registrable_domain(string host, string suffix, string registrable)
    {
        var list = List();
        Assert.Equal(suffix, list.GetPublicSuffix(host));
        Assert.Equal(registrable, list.GetRegistrableDomain(host));
    }

    [Theory]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("foo.kobe.jp")]
    [InlineData("github.io")]
    [InlineData("unknowntld")]
    public void A_public_suffix_has_no_registrable_domain(string host)
    {
        var list = List();
        Assert.Null(list.GetRegistrableDomain(host));
        Assert.True(list.IsPublicSuffix(host));
    }

    [Fact]
    public void Empty_host_has_no_registrable_domain()
    {
        Assert.Null(List().GetRegistrableDomain(""));
        Assert.Equal(string.Empty, List().GetPublicSuffix(""));
    }

    [Fact]
    public void Parses_the_psl_package_rules_array()
    {
        const string rulesJs = """
            export default [
              "ac",
              "com.ac",
              "com",
              "uk",
              "co.uk",
              "*.ck",
              "!www.ck",
              "github.io",
            ];
            """;
        var list = PublicSuffixList.ParseRulesArray(rulesJs);
        Assert.Equal(8, list.RuleCount);
        Assert.Equal("example.com.ac", list.GetRegistrableDomain("www.example.com.ac"));
        Assert.Equal("example.co.uk", list.GetRegistrableDomain("a.example.co.uk"));
        Assert.Equal("www.ck", list.GetRegistrableDomain("www.www.ck"));
        Assert.Equal("x.y.ck", list.GetRegistrableDomain("x.y.ck"));
        Assert.Equal("me.github.io", list.GetRegistrableDomain("me.github.io"));
    }

    [Fact]
    public void Parses_a_rules_array_with_single_quotes()
    {
        var list = PublicSuffixList.ParseRulesArray("module.exports = ['com', 'co.uk'];");
        Assert.Equal("example.co.uk", list.GetRegistrableDomain("www.example.co.uk"));
    }

    [Fact]
    public void Rejects_text_without_a_rules_array()
    {
        Assert.Throws<FormatException>(() => PublicSuffixList.ParseRulesArray("export default {}"));
        Assert.Throws<FormatException>(() => PublicSuffixList.ParseRulesArray("export default []"));
    }

    [Theory]
    [InlineData("user.github.io", PublicSuffixSection.Private)]
    [InlineData("a.b.blogspot.com", PublicSuffixSection.Private)]
    [InlineData("www.example.co.uk", PublicSuffixSection.Icann)]
    [InlineData("www.city.kobe.jp", PublicSuffixSection.Icann)]
    [InlineData("example.com", PublicSuffixSection.Icann)]
    [InlineData("example.zz", null)]
    public void Reads_the_section_of_the_prevailing_rule_from_the_markers(string host, PublicSuffixSection? expected)
    {
        var list = List();
        Assert.Equal(expected, list.GetSection(host));
        Assert.Equal(2, list.PrivateRuleCount);
    }

    [Theory]
    [InlineData("user.github.io", "github.io")]
    [InlineData("a.b.blogspot.com", "blogspot.com")]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("co.uk", null)]
    public void Gives_the_registrable_domain_by_the_ICANN_section_alone(string host, string? expected) =>
        Assert.Equal(expected, List().GetIcannRegistrableDomain(host));

    [Fact]
    public void A_dat_file_without_markers_is_split_by_order_like_the_rules_array()
    {
        var list = PublicSuffixList.Parse(new StringReader("com\nio\nco.uk\nuk\nzuerich\ngithub.io\nblogspot.com\n"));
        Assert.Equal(2, list.PrivateRuleCount);
        Assert.Equal(PublicSuffixSection.Private, list.GetSection("me.github.io"));
        Assert.Equal(PublicSuffixSection.Icann, list.GetSection("a.co.uk"));
    }

    [Fact]
    public void The_rules_array_is_split_after_its_last_single_label_rule()
    {
        // The psl package keeps the file's order: ICANN rules, ending with the generic TLDs, then the private ones.
        var list = PublicSuffixList.ParseRulesArray("""["ac", "com.ac", "*.ck", "!www.ck", "com", "zuerich", "co.krd", "*.compute.amazonaws.com", "!x.compute.amazonaws.com"]""");
        Assert.Equal(3, list.PrivateRuleCount);
        Assert.Equal(PublicSuffixSection.Icann, list.GetSection("a.com.ac"));
        Assert.Equal(PublicSuffixSection.Icann, list.GetSection("x.y.ck"));
        Assert.Equal(PublicSuffixSection.Private, list.GetSection("a.co.krd"));
        Assert.Equal(PublicSuffixSection.Private, list.GetSection("h.r.compute.amazonaws.com"));
        Assert.Equal("amazonaws.com", list.GetIcannRegistrableDomain("h.r.compute.amazonaws.com"));
    }

    [Fact]
    public void A_list_whose_last_rule_is_single_label_has_no_private_section()
    {
        var list = PublicSuffixList.ParseRulesArray("""["co.uk", "uk", "com"]""");
        Assert.Equal(0, list.PrivateRuleCount);
        Assert.Equal(PublicSuffixSection.Icann, list.GetSection("a.co.uk"));
    }

    [Fact]
    public void The_longest_rule_prevails_across_sections()
    {
        var list = PublicSuffixList.FromRules(["com", "net"], ["s3.amazonaws.com", "cloudfront.net"]);
        Assert.Equal("s3.amazonaws.com", list.GetPublicSuffix("b.s3.amazonaws.com"));
        Assert.Equal(PublicSuffixSection.Private, list.GetSection("b.s3.amazonaws.com"));
        Assert.Equal(PublicSuffixSection.Icann, list.GetSection("www.amazonaws.com"));
        Assert.Equal("amazonaws.com", list.GetIcannRegistrableDomain("b.s3.amazonaws.com"));
    }
}
