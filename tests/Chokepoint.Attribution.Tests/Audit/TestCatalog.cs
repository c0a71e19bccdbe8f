using System.Text;
using Chokepoint.Attribution.Audit;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Naming;

namespace Chokepoint.Attribution.Tests.Audit;

/// <summary>A small catalog and suffix list written for these tests, so they do not depend on the shipped data.</summary>
internal static class TestCatalog
{
    private const string Json = """
    {
      "companies": [
        { "id": "amazon", "name": "Amazon.com, Inc.", "parent": null, "country": "US", "source": "https://example.org/amazon" },
        { "id": "ibm", "name": "IBM", "parent": null, "country": "US", "source": "https://example.org/ibm" },
        { "id": "ns1", "name": "NS1", "parent": "ibm", "country": "US", "source": "https://example.org/ns1" },
        { "id": "cloudflare", "name": "Cloudflare, Inc.", "parent": null, "country": "US", "source": "https://example.org/cf" },
        { "id": "alphabet", "name": "Alphabet Inc.", "parent": null, "country": "US", "source": "https://example.org/alphabet" },
        { "id": "google", "name": "Google LLC", "parent": "alphabet", "country": "US", "source": "https://example.org/google" },
        { "id": "verisign", "name": "VeriSign, Inc.", "parent": null, "country": "US", "source": "https://example.org/verisign" },
        { "id": "isrg", "name": "Internet Security Research Group", "parent": null, "country": "US", "source": "https://example.org/isrg" },
        { "id": "donorbox", "name": "Donorbox", "parent": null, "country": "US", "source": "https://example.org/donorbox" }
      ],
      "providers": [
        { "id": "route53", "name": "Amazon Route 53", "company": "amazon", "service": "dns",
          "signals": [ { "kind": "ns", "pattern": "awsdns-*.org", "source": "https://example.org/r53" },
                       { "kind": "ns", "pattern": "awsdns-*.com", "source": "https://example.org/r53" } ] },
        { "id": "ns1-dns", "name": "NS1 Managed DNS", "company": "ns1", "service": "dns",
          "signals": [ { "kind": "ns", "pattern": "nsone.net", "source": "https://example.org/ns1" } ] },
        { "id": "cloudflare-dns", "name": "Cloudflare DNS", "company": "cloudflare", "service": "dns",
          "signals": [ { "kind": "ns", "pattern": "ns.cloudflare.com", "source": "https://example.org/cfdns" } ] },
        { "id": "cloudflare-cdn", "name": "Cloudflare CDN", "company": "cloudflare", "service": "cdn",
          "signals": [ { "kind": "header", "pattern": "cf-ray", "source": "https://example.org/cfray" },
                       { "kind": "asn", "pattern": "13335", "source": "https://example.org/as13335" } ] },
        { "id": "cloudflare-registrar", "name": "Cloudflare Registrar", "company": "cloudflare", "service": "registrar",
          "signals": [ { "kind": "registrar-iana", "pattern": "1910", "source": "https://example.org/iana" } ] },
        { "id": "aws", "name": "Amazon Web Services", "company": "amazon", "service": "hosting",
          "signals": [ { "kind": "asn", "pattern": "16509", "source": "https://example.org/as16509" } ] },
        { "id": "cloudfront", "name": "Amazon CloudFront", "company": "amazon", "service": "cdn",
          "signals": [ { "kind": "cname", "pattern": "cloudfront.net", "source": "https://example.org/cf" },
                      { "kind": "header", "pattern": "x-amz-cf-id", "source": "https://example.org/cf-header" } ] },
        { "id": "verisign-com", "name": "Verisign .com registry", "company": "verisign", "service": "registry",
          "signals": [ { "kind": "tld", "pattern": "com", "source": "https://example.org/com" } ] },
        { "id": "letsencrypt", "name": "Let's Encrypt", "company": "isrg", "service": "ca",
          "signals": [ { "kind": "issuer", "pattern": "Let's Encrypt", "source": "https://example.org/le" } ] },
        { "id": "google-workspace", "name": "Google Workspace", "company": "google", "service": "mail",
          "signals": [ { "kind": "mx", "pattern": "google.com", "source": "https://example.org/gmx" },
                       { "kind": "spf", "pattern": "_spf.google.com", "source": "https://example.org/gspf" } ] },
        { "id": "adsense", "name": "Google AdSense", "company": "google", "service": "ads",
          "signals": [ { "kind": "resource-domain", "pattern": "googlesyndication.com", "source": "https://example.org/ads" },
                       { "kind": "ads-seller", "pattern": "google.com", "source": "https://example.org/adstxt" } ] },
        { "id": "donorbox", "name": "Donorbox", "company": "donorbox", "service": "donations",
          "signals": [ { "kind": "link-domain", "pattern": "donorbox.org", "source": "https://example.org/db" } ] }
      ]
    }
    """;

    public static CatalogLookup Lookup { get; } = new(ProviderCatalog.Load([("test.json", new MemoryStream(Encoding.UTF8.GetBytes(Json)))]));

    public static PublicSuffixList Suffixes { get; } = PublicSuffixList.FromRules(["com", "org", "net", "co.uk", "uk", "de"]);

    public static ReportAttributor Attributor { get; } = new(Lookup, Suffixes);
}
