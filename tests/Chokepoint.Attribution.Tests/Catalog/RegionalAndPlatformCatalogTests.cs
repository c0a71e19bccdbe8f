using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

/// <summary>
/// The regional DNS, mail and CDN entries and the application-platform headers: each pattern attributes the values its
/// source documents, and a near miss (a look-alike host, a longer or shorter label, another header value) does not.
/// </summary>
public sealed class RegionalAndPlatformCatalogTests
{
    private static readonly ProviderCatalog Catalog = ProviderCatalog.LoadEmbedded();

    [Theory]
    [InlineData(SignalKind.Ns, "a.auto.dns.br", "registro-br-dns", "nic-br")]
    [InlineData(SignalKind.Ns, "B.AUTO.DNS.BR.", "registro-br-dns", "nic-br")]
    [InlineData(SignalKind.Mx, "mx.core.locaweb.com.br", "locaweb-mail", "locaweb")]
    [InlineData(SignalKind.Asn, "AS205585", "arvancloud-cdn", "arvancloud")]
    [InlineData(SignalKind.Asn, "208006", "arvancloud-cdn", "arvancloud")]
    [InlineData(SignalKind.Header, "X-GitHub-Request-Id: CC39:3E1F48:2102B6:2C9AFB:6AB345D6", "github-pages", "microsoft")]
    [InlineData(SignalKind.Header, "X-AH-Environment: prod", "acquia-cloud", "acquia")]
    [InlineData(SignalKind.Header, "x-lw-cache: HIT", "liquid-web", "liquid-web")]
    [InlineData(SignalKind.Header, "Powered-By: Shopify", "shopify", "shopify")]
    [InlineData(SignalKind.Header, "powered-by: Shopify, Hydrogen", "shopify", "shopify")]
    [InlineData(SignalKind.Header, "Server: VTEX IO", "vtex", "vtex")]
    [InlineData(SignalKind.Cname, "web-production-1a2b.up.railway.app", "railway", "railway")]
    [InlineData(SignalKind.Cname, "nomedaloja.cdn.vnda.com.br", "olist-vnda", "olist")]
    public void Documented_values_attribute_to_the_provider_and_its_owner(SignalKind kind, string value, string provider, string owner)
    {
        var match = Catalog.Match(kind, value);

        Assert.True(match is not null, $"{kind} {value} did not match");
        Assert.Equal(provider, match.Provider.Id);
        Assert.Equal(owner, match.UltimateParent.Id);
    }

    [Theory]
    [InlineData(SignalKind.Ns, "a.dns.br", "registro-br-dns")]
    [InlineData(SignalKind.Ns, "a.notauto.dns.br", "registro-br-dns")]
    [InlineData(SignalKind.Ns, "a.auto.dns.br.evil.example", "registro-br-dns")]
    [InlineData(SignalKind.Mx, "mx.mylocaweb.com.br", "locaweb-mail")]
    [InlineData(SignalKind.Mx, "mx.locaweb.com.br.evil.example", "locaweb-mail")]
    [InlineData(SignalKind.Mx, "mx.locaweb.com", "locaweb-mail")]
    [InlineData(SignalKind.Asn, "205586", "arvancloud-cdn")]
    [InlineData(SignalKind.Header, "X-GitHub-Request: 1", "github-pages")]
    [InlineData(SignalKind.Header, "X-AH-Env: prod", "acquia-cloud")]
    [InlineData(SignalKind.Header, "x-lw: HIT", "liquid-web")]
    [InlineData(SignalKind.Header, "Powered-By: Shopware", "shopify")]
    [InlineData(SignalKind.Header, "X-Powered-By: Shopify", "shopify")]
    [InlineData(SignalKind.Header, "Server: VTEX", "vtex")]
    [InlineData(SignalKind.Header, "Server: VTEXIO", "vtex")]
    [InlineData(SignalKind.Cname, "app.railway.app", "railway")]
    [InlineData(SignalKind.Cname, "app.up.railway.app.evil.example", "railway")]
    [InlineData(SignalKind.Cname, "loja.vnda.com.br", "olist-vnda")]
    [InlineData(SignalKind.Cname, "loja.cdn.vnda.com.br.example", "olist-vnda")]
    public void Near_misses_are_not_attributed_to_the_provider(SignalKind kind, string value, string provider)
    {
        var matches = Catalog.Matches(kind, value);

        Assert.DoesNotContain(matches, m => m.Provider.Id == provider);
    }

    [Theory]
    [InlineData(SignalKind.Ns, "a.auto.dns.br")]
    [InlineData(SignalKind.Mx, "mx.core.locaweb.com.br")]
    [InlineData(SignalKind.Header, "X-GitHub-Request-Id: CC39")]
    [InlineData(SignalKind.Header, "X-AH-Environment: prod")]
    [InlineData(SignalKind.Header, "Powered-By: Shopify")]
    [InlineData(SignalKind.Header, "Server: VTEX IO")]
    [InlineData(SignalKind.Cname, "web.up.railway.app")]
    [InlineData(SignalKind.Cname, "loja.cdn.vnda.com.br")]
    public void A_new_pattern_is_the_only_rule_that_claims_its_documented_value(SignalKind kind, string value)
    {
        var matches = Catalog.Matches(kind, value);

        Assert.Single(matches);
    }
}
