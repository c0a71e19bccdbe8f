using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

public sealed class EmbeddedCatalogTests
{
    private static readonly ProviderCatalog Catalog = ProviderCatalog.LoadEmbedded();

    private static IEnumerable<Signal> SignalsOf(string service, SignalKind kind) =>
        Catalog.ProvidersOf(service).SelectMany(p => p.Signals).Where(s => s.Kind == kind);

    [Fact]
    public void Loads_every_embedded_catalog_file()
    {
        var resources = typeof(ProviderCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Catalog.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(resources, Catalog.Files);
        foreach (var file in new[] { "companies", "dns", "registrars", "registries", "hosting", "cdn", "ca", "mail" })
        {
            Assert.Contains($"Catalog.{file}.json", Catalog.Files);
        }
    }

    [Fact]
    public void Meets_the_minimum_counts()
    {
        Assert.InRange(Catalog.ProvidersOf("dns").Count(p => p.Signals.Any(s => s.Kind == SignalKind.Ns)), 60, int.MaxValue);
        Assert.InRange(Catalog.ProvidersOf("registrar").Count(p => p.Signals.Any(s => s.Kind == SignalKind.RegistrarIana)), 50, int.MaxValue);
        Assert.InRange(SignalsOf("registry", SignalKind.Tld).Select(s => s.Pattern).Distinct().Count(), 60, int.MaxValue);
        Assert.InRange(SignalsOf("hosting", SignalKind.Asn).Select(s => s.Pattern).Distinct().Count(), 80, int.MaxValue);
        Assert.InRange(Catalog.ProvidersOf("cdn").Count, 25, int.MaxValue);
        Assert.InRange(Catalog.ProvidersOf("ca").Count(p => p.Signals.Any(s => s.Kind == SignalKind.Issuer)), 20, int.MaxValue);
        Assert.InRange(Catalog.ProvidersOf("mail").Count + Catalog.ProvidersOf("mail-sending").Count, 30, int.MaxValue);
    }

    [Fact]
    public void Every_signal_cites_an_https_source()
    {
        var missing = Catalog.Providers
            .SelectMany(p => p.Signals.Select(s => (p, s)))
            .Where(x => !Uri.TryCreate(x.s.Source, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            .Select(x => $"{x.p.File}: {x.p.Id} {x.s.KindWord} {x.s.Pattern} -> '{x.s.Source}'")
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_provider_has_a_company_and_an_owner_and_signals()
    {
        foreach (var provider in Catalog.Providers)
        {
            Assert.True(Catalog.GetCompany(provider.CompanyId) is not null, $"{provider.Id}: company {provider.CompanyId}");
            Assert.Null(Catalog.UltimateParent(provider.CompanyId).Parent);
            Assert.NotEmpty(provider.Signals);
        }
    }

    [Fact]
    public void No_two_providers_claim_the_same_rule()
    {
        Assert.Empty(Catalog.Ambiguities);
    }

    [Theory]
    [InlineData(SignalKind.Ns, "ns-1536.awsdns-00.co.uk", "amazon-route53", "amazon")]
    [InlineData(SignalKind.Ns, "ns-75.awsdns-09.com", "amazon-route53", "amazon")]
    [InlineData(SignalKind.Ns, "ns-1234.awsdns-54.org", "amazon-route53", "amazon")]
    [InlineData(SignalKind.Ns, "ns-700.awsdns-23.net", "amazon-route53", "amazon")]
    [InlineData(SignalKind.Ns, "amy.ns.cloudflare.com", "cloudflare-dns", "cloudflare")]
    [InlineData(SignalKind.Ns, "ns23.domaincontrol.com", "godaddy-dns", "godaddy")]
    [InlineData(SignalKind.Ns, "ns1.p01.dynect.net", "dyn", "oracle")]
    [InlineData(SignalKind.Ns, "pdns196.ultradns.co.uk", "ultradns", "digicert")]
    [InlineData(SignalKind.Ns, "dns1.p01.nsone.net", "ns1", "ibm")]
    [InlineData(SignalKind.Ns, "ns1-08.azure-dns.com", "azure-dns", "microsoft")]
    [InlineData(SignalKind.Ns, "ns-cloud-b1.googledomains.com", "google-cloud-dns", "alphabet")]
    [InlineData(SignalKind.Ns, "ns0.dnsmadeeasy.com", "dnsmadeeasy", "digicert")]
    [InlineData(SignalKind.Ns, "NS1.DNS-PARKING.COM", "hostinger-dns", "hostinger")]
    [InlineData(SignalKind.Ns, "ns1.reg.ru", "reg-ru-dns", "reg-ru")]
    [InlineData(SignalKind.Ns, "ns1.sedoparking.com", "sedo-parking", "sedo")]
    [InlineData(SignalKind.Ns, "ns2.bodis.com", "bodis-parking", "bodis")]
    [InlineData(SignalKind.Ns, "ns1.parkingcrew.net", "parkingcrew", "team-internet")]
    [InlineData(SignalKind.Ns, "ns3.markmonitor.com", "markmonitor-dns", "markmonitor")]
    [InlineData(SignalKind.Ns, "ns1.huaweicloud-dns.cn", "huawei-cloud-dns", "huawei")]
    [InlineData(SignalKind.Ns, "ns.gabia.co.kr", "gabia-dns", "gabia")]
    [InlineData(SignalKind.Cname, "d111111abcdef8.cloudfront.net", "amazon-cloudfront", "amazon")]
    [InlineData(SignalKind.Cname, "www.example.com.edgekey.net", "akamai", "akamai")]
    [InlineData(SignalKind.Header, "cf-ray: 7d1c2b3a4e5f-AMS", "cloudflare-cdn", "cloudflare")]
    [InlineData(SignalKind.Header, "X-Amz-Cf-Id: abc", "amazon-cloudfront", "amazon")]
    [InlineData(SignalKind.Header, "X-Served-By: cache-ams21052-AMS", "fastly", "fastly")]
    [InlineData(SignalKind.Header, "Server: AkamaiGHost", "akamai", "akamai")]
    [InlineData(SignalKind.Header, "x-vercel-id: fra1::abc", "vercel", "vercel")]
    [InlineData(SignalKind.Header, "x-nf-request-id: 01H", "netlify", "netlify")]
    [InlineData(SignalKind.Asn, "AS16509", "aws", "amazon")]
    [InlineData(SignalKind.Asn, "13335", "cloudflare-cdn", "cloudflare")]
    [InlineData(SignalKind.Issuer, "Let's Encrypt", "lets-encrypt", "isrg")]
    [InlineData(SignalKind.Issuer, "DigiCert Inc", "digicert", "digicert")]
    [InlineData(SignalKind.Issuer, "google trust services", "google-trust-services", "alphabet")]
    [InlineData(SignalKind.Issuer, "Sectigo Limited", "sectigo", "sectigo")]
    [InlineData(SignalKind.Ocsp, "r3.o.lencr.org", "lets-encrypt", "isrg")]
    [InlineData(SignalKind.Ocsp, "zerossl.ocsp.sectigo.com", "zerossl", "zerossl")]
    [InlineData(SignalKind.Ocsp, "ocsp.sectigo.com", "sectigo", "sectigo")]
    [InlineData(SignalKind.Mx, "aspmx.l.google.com", "google-workspace", "alphabet")]
    [InlineData(SignalKind.Mx, "example-com.mail.protection.outlook.com", "microsoft-365", "microsoft")]
    [InlineData(SignalKind.Mx, "inbound-smtp.eu-west-1.amazonaws.com", "amazon-workmail", "amazon")]
    [InlineData(SignalKind.Spf, "_spf.google.com", "google-workspace", "alphabet")]
    [InlineData(SignalKind.Spf, "spf.protection.outlook.com", "microsoft-365", "microsoft")]
    [InlineData(SignalKind.Tld, "com", "verisign-registry", "verisign")]
    [InlineData(SignalKind.Tld, "org", "pir-registry", "isoc")]
    [InlineData(SignalKind.Tld, "de", "denic-registry", "denic")]
    [InlineData(SignalKind.Tld, "uk", "nominet-registry", "nominet")]
    [InlineData(SignalKind.Tld, "рф", "ru-registry", "cctld-ru")]
    [InlineData(SignalKind.RegistrarIana, "146", "godaddy-registrar", "godaddy")]
    [InlineData(SignalKind.RegistrarIana, "292", "markmonitor-registrar", "markmonitor")]
    [InlineData(SignalKind.RegistrarIana, "151", "psi-usa-registrar", "team-internet")]
    [InlineData(SignalKind.Asn, "8972", "plusserver", "plusserver")]
    [InlineData(SignalKind.Cname, "fp2e7a.wpc.phicdn.net", "edgecast", "edgio")]
    [InlineData(SignalKind.RegistrarName, "MarkMonitor Inc.", "markmonitor-registrar", "markmonitor")]
    [InlineData(SignalKind.RegistrarName, "Limited Liability Company \"Registrar of domain names REG.RU\"", "reg-ru-registrar", "reg-ru")]
    [InlineData(SignalKind.RegistrarName, "Hosting Concepts B.V. d/b/a Registrar.eu", "openprovider-registrar", "openprovider")]
    [InlineData(SignalKind.RegistrarName, "NAMESHIELD", "nameshield-registrar", "nameshield")]
    public void Known_facts_attribute_to_the_right_owner(SignalKind kind, string value, string provider, string owner)
    {
        var match = Catalog.Match(kind, value);
        Assert.True(match is not null, $"{kind} {value} did not match");
        Assert.Equal(provider, match.Provider.Id);
        Assert.Equal(owner, match.UltimateParent.Id);
    }

    [Theory]
    [InlineData(SignalKind.Ns, "ns.cloudflare.com.evil.example")]
    [InlineData(SignalKind.Ns, "evilcloudflare.com")]
    [InlineData(SignalKind.Ns, "ns1.awsdns-12.com.evil.example")]
    [InlineData(SignalKind.Mx, "google.com.attacker.example")]
    public void Lookalike_hosts_do_not_match(SignalKind kind, string value)
    {
        Assert.Null(Catalog.Match(kind, value));
    }

    [Fact]
    public void Alternatives_to_a_dns_provider_exclude_its_owner()
    {
        var alternatives = Catalog.Alternatives("dns", "dyn").ToList();
        Assert.DoesNotContain(alternatives, p => p.Id == "dyn" || p.Id == "oracle-cloud-dns");
        Assert.Contains(alternatives, p => p.Id == "cloudflare-dns");
        Assert.Contains(alternatives, p => p.Id == "amazon-route53");
    }
}
