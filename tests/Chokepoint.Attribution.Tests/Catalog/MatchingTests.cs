using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

public sealed class MatchingTests
{
    private readonly ProviderCatalog _catalog = TestCatalogs.Standard();

    [Theory]
    [InlineData("cloudflare.com")]
    [InlineData("amy.ns.cloudflare.com")]
    [InlineData("AMY.NS.CLOUDFLARE.COM.")]
    public void Label_pattern_matches_the_domain_and_its_subdomains(string host)
    {
        Assert.Equal("cloudflare-dns", _catalog.Match(SignalKind.Ns, host)?.Provider.Id);
    }

    [Theory]
    [InlineData("cloudflare.com.evil.example")]
    [InlineData("evilcloudflare.com")]
    [InlineData("cloudflare.co")]
    [InlineData("com")]
    [InlineData("")]
    [InlineData("not a host")]
    public void Label_pattern_never_matches_by_substring(string host)
    {
        Assert.Null(_catalog.Match(SignalKind.Ns, host));
    }

    [Theory]
    [InlineData("ns-1234.awsdns-12.com", "route53")]
    [InlineData("ns-1.awsdns-00.co.uk", "route53")]
    [InlineData("awsdns-5.com", "route53")]
    [InlineData("ns-7.example-dns.com", "glob-dns")]
    [InlineData("ns-.example-dns.com", "glob-dns")]
    public void Wildcard_matches_within_one_label(string host, string provider)
    {
        Assert.Equal(provider, _catalog.Match(SignalKind.Ns, host)?.Provider.Id);
    }

    [Theory]
    [InlineData("ns-1.awsdns-12.net")]
    [InlineData("awsdns-12.evil.com")]
    [InlineData("x.evil-awsdns-1.com")]
    [InlineData("ns.x.example-dns.com")]
    [InlineData("ns-a.b.example-dns.com.evil.example")]
    public void Wildcard_does_not_cross_labels_or_match_outside_its_label(string host)
    {
        Assert.Null(_catalog.Match(SignalKind.Ns, host));
    }

    [Fact]
    public void Most_specific_pattern_wins()
    {
        var match = _catalog.Match(SignalKind.Ocsp, "zerossl.ocsp.sectigo.com");
        Assert.Equal("zerossl", match?.Provider.Id);
        Assert.Equal("sectigo", _catalog.Match(SignalKind.Ocsp, "ocsp.sectigo.com")?.Provider.Id);
        var all = _catalog.Matches(SignalKind.Ocsp, "zerossl.ocsp.sectigo.com");
        Assert.Equal(["zerossl", "sectigo"], all.Select(m => m.Provider.Id));
    }

    [Fact]
    public void Header_with_value_beats_header_presence()
    {
        Assert.Equal("cloudflare-cdn", _catalog.Match(SignalKind.Header, "Server: cloudflare")?.Provider.Id);
        var cloudfront = _catalog.Match(SignalKind.Header, "Server: CloudFront");
        Assert.Equal("cloudfront", cloudfront?.Provider.Id);
        Assert.Equal("server: CloudFront", cloudfront?.Signal.Pattern);
        Assert.Equal("cloudfront", _catalog.Match(SignalKind.Header, "X-Amz-Cf-Id: abc==")?.Provider.Id);
        Assert.Equal("cloudfront", _catalog.Match(SignalKind.Header, "x-amz-cf-id")?.Provider.Id);
        Assert.Null(_catalog.Match(SignalKind.Header, "x-other: 1"));
    }

    [Fact]
    public void Header_value_matches_by_prefix_case_insensitively()
    {
        Assert.Equal("cloudflare-cdn", _catalog.Match(SignalKind.Header, "SERVER: CLOUDFLARE-nginx")?.Provider.Id);
    }

    [Fact]
    public void Idn_patterns_and_values_compare_as_punycode()
    {
        Assert.Equal("idn-host", _catalog.Match(SignalKind.Cname, "www.BÜCHER.example.")?.Provider.Id);
        Assert.Equal("idn-host", _catalog.Match(SignalKind.Cname, "xn--bcher-kva.example")?.Provider.Id);
    }

    [Theory]
    [InlineData("13335")]
    [InlineData("AS13335")]
    [InlineData("as13335")]
    public void Asn_accepts_with_or_without_prefix(string value)
    {
        Assert.Equal("cloudflare-dns", _catalog.Match(SignalKind.Asn, value)?.Provider.Id);
        Assert.Null(_catalog.Match(SignalKind.Asn, "133350"));
    }

    [Theory]
    [InlineData("GoDaddy.com, LLC")]
    [InlineData("GODADDY.COM LLC")]
    [InlineData("godaddy com  llc")]
    public void Registrar_names_compare_without_case_or_punctuation(string name)
    {
        Assert.Equal("godaddy-registrar", _catalog.Match(SignalKind.RegistrarName, name)?.Provider.Id);
        Assert.Null(_catalog.Match(SignalKind.RegistrarName, "GoDaddy"));
    }

    [Fact]
    public void Issuer_is_exact_and_case_insensitive()
    {
        Assert.NotNull(_catalog.Match(SignalKind.Issuer, "SECTIGO LIMITED"));
        Assert.Null(_catalog.Match(SignalKind.Issuer, "Sectigo"));
    }

    [Fact]
    public void Tld_and_registrar_id_are_exact()
    {
        Assert.Equal("verisign", _catalog.Match(SignalKind.Tld, "COM.")?.Provider.Id);
        Assert.Null(_catalog.Match(SignalKind.Tld, "example.com"));
        Assert.Equal("godaddy-registrar", _catalog.Match(SignalKind.RegistrarIana, "146")?.Provider.Id);
        Assert.Null(_catalog.Match(SignalKind.RegistrarIana, "1460"));
    }

    [Theory]
    [InlineData("www.amazon.com?tag")]
    [InlineData("amazon.com?tag=me-20&x=1")]
    [InlineData("https://www.amazon.com/dp/B000?ref=x&tag=me-20")]
    public void Affiliate_parameter_needs_host_and_parameter(string value)
    {
        Assert.Equal("amazon-associates", _catalog.Match(SignalKind.AffiliateParam, value)?.Provider.Id);
    }

    [Theory]
    [InlineData("www.amazon.com?ref")]
    [InlineData("amazon.com.evil.example?tag")]
    [InlineData("amazon.com")]
    public void Affiliate_parameter_rejects_other_hosts_or_parameters(string value)
    {
        Assert.Null(_catalog.Match(SignalKind.AffiliateParam, value));
    }

    [Fact]
    public void Match_carries_provider_company_owner_rule_and_source()
    {
        var match = _catalog.Match(SignalKind.Ns, "ns1.p01.dynect.net");
        Assert.NotNull(match);
        Assert.Equal("dyn", match.Provider.Id);
        Assert.Equal("dns", match.Provider.Service);
        Assert.Equal("dyn-sub", match.Company.Id);
        Assert.Equal("oracle", match.UltimateParent.Id);
        Assert.Equal(SignalKind.Ns, match.Signal.Kind);
        Assert.Equal("dynect.net", match.Signal.Pattern);
        Assert.Equal("https://example.org/3", match.Source);
    }

    [Fact]
    public void Match_filtered_by_service()
    {
        Assert.Null(_catalog.Match(SignalKind.Asn, "13335", "cdn"));
        Assert.Equal("cloudflare-dns", _catalog.Match(SignalKind.Asn, "13335", "dns")?.Provider.Id);
    }
}
