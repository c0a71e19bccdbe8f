using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.Catalog;

/// <summary>The catalog's provider <c>status</c> (retired, distrusted: date and source) and <c>adSide</c>.</summary>
public sealed class ProviderStatusTests
{
    private static readonly ProviderCatalog Embedded = ProviderCatalog.LoadEmbedded();

    private static string Provider(string extra, string service = "dns") => $$"""
        { "companies": [ { "id": "acme", "name": "Acme", "parent": null, "country": "US" } ],
          "providers": [ { "id": "acme-x", "name": "Acme X", "company": "acme", "service": "{{service}}", {{extra}}
                           "signals": [ { "kind": "ns", "pattern": "acme.example", "source": "https://example.org/a" } ] } ] }
        """;

    private static Provider Only(string extra, string service = "dns") =>
        Assert.Single(TestCatalogs.Load(("p.json", Provider(extra, service))).Providers);

    [Fact]
    public void Entrust_is_distrusted_from_the_chrome_date_with_a_source()
    {
        var entrust = Embedded.Providers.Single(p => p.Id == "entrust");

        Assert.Equal(ProviderState.Distrusted, entrust.CurrentStatus.State);
        Assert.Equal(new DateOnly(2024, 11, 12), entrust.CurrentStatus.Since);
        Assert.StartsWith("https://", entrust.CurrentStatus.Source, StringComparison.Ordinal);
        Assert.Contains("2024-11-30", entrust.CurrentStatus.Note, StringComparison.Ordinal);
        Assert.False(entrust.CurrentStatus.CanBeProposed);
    }

    [Theory]
    [InlineData("dyn", 2023, 5, 31)]
    [InlineData("google-domains", 2023, 9, 7)]
    [InlineData("yahoo-ssp", 2023, 2, 10)]
    public void Closed_services_are_retired_with_a_date_and_source(string id, int year, int month, int day)
    {
        var provider = Embedded.Providers.Single(p => p.Id == id);

        Assert.Equal(ProviderState.Retired, provider.CurrentStatus.State);
        Assert.Equal(new DateOnly(year, month, day), provider.CurrentStatus.Since);
        Assert.True(Uri.TryCreate(provider.CurrentStatus.Source, UriKind.Absolute, out var uri) && uri.Scheme == "https");
    }

    [Fact]
    public void A_provider_without_status_is_active()
    {
        var provider = Only("");

        Assert.Null(provider.Status);
        Assert.Equal(ProviderState.Active, provider.CurrentStatus.State);
        Assert.True(provider.CurrentStatus.CanBeProposed);
    }

    [Fact]
    public void A_status_is_read_with_its_date_source_and_note()
    {
        var provider = Only("""
            "status": { "state": "retired", "since": "2023-05-31", "source": "https://example.org/closed", "note": "moved" },
            """);

        Assert.Equal(new ProviderStatus(ProviderState.Retired, new DateOnly(2023, 5, 31), "https://example.org/closed", "moved"), provider.Status);
    }

    [Theory]
    [InlineData("""{ "state": "sunset", "since": "2023-05-31", "source": "https://example.org/x" }""", "unknown state 'sunset'")]
    [InlineData("""{ "state": "retired", "source": "https://example.org/x" }""", "\"since\" is required")]
    [InlineData("""{ "state": "retired", "since": "31/05/2023", "source": "https://example.org/x" }""", "must be a date")]
    [InlineData("""{ "state": "retired", "since": "2023-05-31" }""", "\"source\" is required")]
    [InlineData("""{ "state": "retired", "since": "2023-05-31", "source": "http://example.org/x" }""", "https URL")]
    [InlineData("\"retired\"", "must be an object")]
    public void A_status_without_a_state_date_or_https_source_is_refused(string status, string expected)
    {
        var error = Assert.Throws<CatalogLoadException>(() => TestCatalogs.Load(("p.json", Provider($"\"status\": {status},"))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("acme-x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ad_side_defaults_to_publisher_for_exchanges_and_ads_txt_sellers_only()
    {
        Assert.Equal(AdSide.Publisher, Only("", "ad-exchange").AdSide);
        Assert.Equal(AdSide.Unknown, Only("", "ads").AdSide);
        Assert.Equal(AdSide.Advertiser, Only("\"adSide\": \"advertiser\",", "ads").AdSide);
        Assert.Throws<CatalogLoadException>(() => Only("\"adSide\": \"both\",", "ads"));
    }

    [Theory]
    [InlineData("google-ads")]
    [InlineData("microsoft-advertising")]
    [InlineData("the-trade-desk")]
    [InlineData("adroll")]
    public void Advertiser_side_tools_are_marked(string id)
    {
        Assert.Equal(AdSide.Advertiser, Embedded.Providers.Single(p => p.Id == id).AdSide);
    }

    [Theory]
    [InlineData("google-adsense")]
    [InlineData("pubmatic")]
    [InlineData("mediavine")]
    [InlineData("ethicalads")]
    public void Publisher_side_ad_systems_are_marked(string id)
    {
        Assert.Equal(AdSide.Publisher, Embedded.Providers.Single(p => p.Id == id).AdSide);
    }
}
