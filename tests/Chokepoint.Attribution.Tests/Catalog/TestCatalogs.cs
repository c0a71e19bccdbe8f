using System.Text;
using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

/// <summary>Small inline catalogs for matching tests.</summary>
internal static class TestCatalogs
{
    public const string Companies = """
        {
          "companies": [
            { "id": "cloudflare", "name": "Cloudflare, Inc.", "parent": null, "country": "US", "source": "https://example.org/cf" },
            { "id": "amazon", "name": "Amazon.com, Inc.", "parent": null, "country": "US" },
            { "id": "oracle", "name": "Oracle Corporation", "parent": null, "country": "US" },
            { "id": "dyn", "name": "Dyn", "parent": "oracle", "country": "US" },
            { "id": "dyn-sub", "name": "Dyn Subsidiary", "parent": "dyn", "country": "US" },
            { "id": "digicert", "name": "DigiCert, Inc.", "parent": null, "country": "US" },
            { "id": "sectigo", "name": "Sectigo Limited", "parent": null, "country": "GB" },
            { "id": "zerossl", "name": "ZeroSSL", "parent": null, "country": "AT" }
          ],
          "providers": []
        }
        """;

    public const string Providers = """
        {
          "companies": [],
          "providers": [
            { "id": "cloudflare-dns", "name": "Cloudflare DNS", "company": "cloudflare", "service": "dns",
              "signals": [ { "kind": "ns", "pattern": "cloudflare.com", "source": "https://example.org/1" },
                           { "kind": "asn", "pattern": "13335", "source": "https://example.org/asn" } ] },
            { "id": "route53", "name": "Amazon Route 53", "company": "amazon", "service": "dns",
              "signals": [ { "kind": "ns", "pattern": "awsdns-*.com", "source": "https://example.org/2" },
                           { "kind": "ns", "pattern": "awsdns-*.co.uk", "source": "https://example.org/2" } ] },
            { "id": "dyn", "name": "Dyn", "company": "dyn-sub", "service": "dns",
              "signals": [ { "kind": "ns", "pattern": "dynect.net", "source": "https://example.org/3" } ] },
            { "id": "glob-dns", "name": "Glob DNS", "company": "digicert", "service": "dns",
              "signals": [ { "kind": "ns", "pattern": "ns-*.example-dns.com", "source": "https://example.org/4" } ] },
            { "id": "cloudfront", "name": "Amazon CloudFront", "company": "amazon", "service": "cdn",
              "signals": [ { "kind": "cname", "pattern": "cloudfront.net", "source": "https://example.org/5" },
                           { "kind": "header", "pattern": "x-amz-cf-id", "source": "https://example.org/5" },
                           { "kind": "header", "pattern": "server: CloudFront", "source": "https://example.org/5" } ] },
            { "id": "cloudflare-cdn", "name": "Cloudflare CDN", "company": "cloudflare", "service": "cdn",
              "signals": [ { "kind": "header", "pattern": "server", "source": "https://example.org/6" },
                           { "kind": "header", "pattern": "server: cloudflare", "source": "https://example.org/6" } ] },
            { "id": "sectigo", "name": "Sectigo", "company": "sectigo", "service": "ca",
              "signals": [ { "kind": "ocsp", "pattern": "sectigo.com", "source": "https://example.org/7" },
                           { "kind": "issuer", "pattern": "Sectigo Limited", "source": "https://example.org/7" } ] },
            { "id": "zerossl", "name": "ZeroSSL", "company": "zerossl", "service": "ca",
              "signals": [ { "kind": "ocsp", "pattern": "zerossl.ocsp.sectigo.com", "source": "https://example.org/8" } ] },
            { "id": "godaddy-registrar", "name": "GoDaddy", "company": "digicert", "service": "registrar",
              "signals": [ { "kind": "registrar-iana", "pattern": "146", "source": "https://example.org/9" },
                           { "kind": "registrar-name", "pattern": "GoDaddy.com, LLC", "source": "https://example.org/9" } ] },
            { "id": "verisign", "name": "Verisign", "company": "digicert", "service": "registry",
              "signals": [ { "kind": "tld", "pattern": "com", "source": "https://example.org/10" } ] },
            { "id": "amazon-associates", "name": "Amazon Associates", "company": "amazon", "service": "affiliate",
              "signals": [ { "kind": "affiliate-param", "pattern": "amazon.com?tag", "source": "https://example.org/11" } ] },
            { "id": "idn-host", "name": "IDN host", "company": "sectigo", "service": "hosting",
              "signals": [ { "kind": "cname", "pattern": "bücher.example", "source": "https://example.org/12" } ] }
          ]
        }
        """;

    public static ProviderCatalog Load(params (string Name, string Json)[] files) =>
        ProviderCatalog.Load(files.Select(f => (f.Name, (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Json)))));

    public static ProviderCatalog Standard() => Load(("companies.json", Companies), ("providers.json", Providers));
}
