using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

public sealed class OwnershipTests
{
    private readonly ProviderCatalog _catalog = TestCatalogs.Standard();

    [Fact]
    public void UltimateParent_walks_the_whole_chain()
    {
        Assert.Equal("oracle", _catalog.UltimateParent("dyn-sub").Id);
        Assert.Equal("oracle", _catalog.UltimateParent("dyn").Id);
        Assert.Equal("oracle", _catalog.UltimateParent("oracle").Id);
        Assert.Equal("amazon", _catalog.UltimateParent("amazon").Id);
        Assert.Throws<ArgumentException>(() => _catalog.UltimateParent("nobody"));
    }

    [Fact]
    public void GetCompany_returns_the_company_or_null()
    {
        Assert.Equal("Dyn", _catalog.GetCompany("dyn")?.Name);
        Assert.Equal("oracle", _catalog.GetCompany("dyn")?.Parent);
        Assert.Equal("https://example.org/cf", _catalog.GetCompany("cloudflare")?.Source);
        Assert.Null(_catalog.GetCompany("nobody"));
    }

    [Fact]
    public void ProvidersOf_lists_a_service_in_load_order()
    {
        Assert.Equal(["cloudflare-dns", "route53", "dyn", "glob-dns"], _catalog.ProvidersOf("dns").Select(p => p.Id));
        Assert.Empty(_catalog.ProvidersOf("video"));
    }

    [Fact]
    public void Alternatives_exclude_every_provider_of_the_same_owner()
    {
        // Excluding Oracle through its grandchild excludes Dyn, whose company rolls up to Oracle.
        Assert.Equal(["cloudflare-dns", "route53", "glob-dns"], _catalog.Alternatives("dns", "dyn-sub").Select(p => p.Id));
        Assert.Equal(["cloudflare-dns", "route53", "glob-dns"], _catalog.Alternatives("dns", "oracle").Select(p => p.Id));
        Assert.Equal(["cloudflare-dns", "dyn", "glob-dns"], _catalog.Alternatives("dns", "amazon").Select(p => p.Id));
        Assert.Equal(4, _catalog.Alternatives("dns", "unknown-company").Count());
    }
}
