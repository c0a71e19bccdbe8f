using System.Text.Json;
using Chokepoint.Attribution.Catalog;

namespace Chokepoint.Attribution.Tests.CatalogData;

/// <summary>
/// Checks the page-and-money catalog data files (<c>Catalog/Data/web-*.json</c>): the minimum coverage per service
/// family, a public https source on every fact, resolvable company ids, and that real signals roll up to the right owner.
/// </summary>
public sealed class WebCatalogDataTests
{
    private static readonly string[] WebFiles =
    [
        "Catalog.web-companies.json", "Catalog.web-ads.json", "Catalog.web-affiliate.json", "Catalog.web-money.json",
        "Catalog.web-media.json", "Catalog.web-scripts.json", "Catalog.web-analytics.json", "Catalog.web-social.json",
    ];

    private static readonly string[] WebKinds = ["resource-domain", "ads-seller", "link-domain", "affiliate-param", "header", "cname"];

    // Multi-label public suffixes a careless pattern could collapse to; single labels are rejected separately.
    private static readonly string[] MultiLabelSuffixes = ["co.uk", "com.au", "co.jp", "com.br", "co.in", "github.io", "herokuapp.com"];

    private static readonly Lazy<IReadOnlyList<DataFile>> AllFiles = new(ReadAllEmbedded);

    private static IReadOnlyList<DataFile> Web => [.. AllFiles.Value.Where(f => WebFiles.Contains(f.Name, StringComparer.Ordinal))];

    private static IEnumerable<ProviderRow> WebProviders => Web.SelectMany(f => f.Providers);

    [Fact]
    public void Every_web_file_is_embedded_in_the_attribution_assembly()
    {
        var names = typeof(ProviderCatalog).Assembly.GetManifestResourceNames();

        Assert.All(WebFiles, file => Assert.Contains(file, names));
    }

    [Theory]
    [InlineData(40, new[] { "ads", "ad-exchange" })]
    [InlineData(15, new[] { "affiliate" })]
    [InlineData(30, new[] { "payments", "donations", "crowdfunding", "membership" })]
    [InlineData(12, new[] { "video", "audio" })]
    [InlineData(20, new[] { "script-cdn", "fonts", "tag-manager" })]
    [InlineData(15, new[] { "analytics" })]
    [InlineData(10, new[] { "comments", "social" })]
    [InlineData(4, new[] { "ecommerce" })]
    public void Each_service_family_meets_its_minimum(int minimum, string[] services)
    {
        var count = WebProviders.Count(p => services.Contains(p.Service, StringComparer.Ordinal));

        Assert.True(count >= minimum, $"{string.Join("/", services)}: {count} providers, at least {minimum} required");
    }

    [Fact]
    public void Ad_systems_are_known_by_script_domain_and_by_ads_txt_seller_domain()
    {
        var ads = WebProviders.Where(p => p.Service is "ads" or "ad-exchange").ToList();

        Assert.True(ads.Count(p => p.Signals.Any(s => s.Kind == "resource-domain")) >= 40, "at least 40 ad systems with a script domain");
        Assert.True(ads.Count(p => p.Signals.Any(s => s.Kind == "ads-seller")) >= 30, "at least 30 ad systems with an ads.txt seller domain");
    }

    [Fact]
    public void Every_signal_and_company_cites_a_public_https_source()
    {
        var missing = new List<string>();
        foreach (var file in Web)
        {
            missing.AddRange(file.Companies.Where(c => !IsHttps(c.Source)).Select(c => $"{file.Name}: company {c.Id}"));
            foreach (var provider in file.Providers)
            {
                missing.AddRange(provider.Signals.Where(s => !IsHttps(s.Source)).Select(s => $"{file.Name}: {provider.Id} {s.Kind} {s.Pattern}"));
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_provider_names_a_company_that_some_catalog_file_defines()
    {
        var companies = AllFiles.Value.SelectMany(f => f.Companies).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var dangling = WebProviders.Where(p => !companies.Contains(p.Company)).Select(p => $"{p.Id} -> {p.Company}").ToList();

        Assert.Empty(dangling);
    }

    [Fact]
    public void Every_parent_of_a_web_company_is_defined_somewhere()
    {
        var companies = AllFiles.Value.SelectMany(f => f.Companies).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var dangling = Web.SelectMany(f => f.Companies)
            .Where(c => c.Parent is not null && !companies.Contains(c.Parent))
            .Select(c => $"{c.Id} -> {c.Parent}")
            .ToList();

        Assert.Empty(dangling);
    }

    [Fact]
    public void Provider_ids_are_unique_across_every_catalog_file()
    {
        var duplicates = AllFiles.Value.SelectMany(f => f.Providers).GroupBy(p => p.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Web_companies_are_unique_and_agree_with_any_other_file_that_defines_them()
    {
        var own = Web.SelectMany(f => f.Companies).ToList();
        Assert.Equal(own.Count, own.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());

        var others = AllFiles.Value.Where(f => !WebFiles.Contains(f.Name, StringComparer.Ordinal)).SelectMany(f => f.Companies).ToList();
        var conflicts = own.SelectMany(mine => others.Where(o => o.Id == mine.Id)
                .Where(o => o.Name != mine.Name || o.Parent != mine.Parent || !string.Equals(o.Country, mine.Country, StringComparison.OrdinalIgnoreCase))
                .Select(o => $"{mine.Id}: '{mine.Name}'/{mine.Parent}/{mine.Country} vs '{o.Name}'/{o.Parent}/{o.Country}"))
            .ToList();

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Ids_are_lowercase_kebab_case_and_services_and_kinds_are_valid()
    {
        var problems = new List<string>();
        foreach (var company in Web.SelectMany(f => f.Companies).Where(c => !IsKebab(c.Id)))
        {
            problems.Add($"company id {company.Id}");
        }

        foreach (var provider in WebProviders)
        {
            if (!IsKebab(provider.Id))
            {
                problems.Add($"provider id {provider.Id}");
            }

            if (!ServiceNames.IsKnown(provider.Service) || provider.Service is "registry" or "registrar" or "dns" or "hosting" or "cdn" or "ca" or "mail" or "mail-sending")
            {
                problems.Add($"{provider.Id}: service {provider.Service}");
            }

            if (provider.Signals.Count == 0)
            {
                problems.Add($"{provider.Id}: no signals");
            }

            problems.AddRange(provider.Signals.Where(s => !WebKinds.Contains(s.Kind, StringComparer.Ordinal)).Select(s => $"{provider.Id}: kind {s.Kind}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Seller_and_affiliate_signals_belong_to_ad_and_affiliate_providers()
    {
        var misplaced = WebProviders.SelectMany(p => p.Signals.Select(s => (p, s)))
            .Where(x => (x.s.Kind == "ads-seller" && x.p.Service is not ("ads" or "ad-exchange"))
                || (x.s.Kind == "affiliate-param" && x.p.Service != "affiliate"))
            .Select(x => $"{x.p.Id}: {x.s.Kind} {x.s.Pattern}")
            .ToList();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void No_pattern_is_a_bare_suffix_or_contains_a_path()
    {
        var bad = new List<string>();
        foreach (var (provider, signal) in WebProviders.SelectMany(p => p.Signals.Select(s => (p, s))))
        {
            var pattern = signal.Pattern;
            if (signal.Kind == "header")
            {
                // "name" or "name: value": the name is one lowercase token; a value may hold spaces and capitals ("server: VTEX IO").
                var name = pattern.Split(':')[0];
                if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                {
                    bad.Add($"{provider.Id}: header '{pattern}'");
                }

                continue;
            }

            if (pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains(' ', StringComparison.Ordinal) || pattern.Any(char.IsUpper))
            {
                bad.Add($"{provider.Id}: '{pattern}'");
                continue;
            }

            var host = signal.Kind == "affiliate-param" ? pattern.Split('?')[0] : pattern;
            if (signal.Kind == "affiliate-param" && (pattern.Split('?').Length != 2 || pattern.Split('?')[1].Length == 0 || pattern.Contains('&', StringComparison.Ordinal)))
            {
                bad.Add($"{provider.Id}: '{pattern}' must be host?parameter");
            }
            else if (signal.Kind != "affiliate-param" && pattern.Contains('?', StringComparison.Ordinal))
            {
                bad.Add($"{provider.Id}: '{pattern}' has a query");
            }

            if (!host.Contains('.', StringComparison.Ordinal) || MultiLabelSuffixes.Contains(host, StringComparer.Ordinal) || host.StartsWith('.') || host.EndsWith('.'))
            {
                bad.Add($"{provider.Id}: '{pattern}' is a bare suffix");
            }
        }

        Assert.Empty(bad);
    }

    [Fact]
    public void No_two_web_providers_claim_the_same_signal()
    {
        var claims = WebProviders.SelectMany(p => p.Signals.Select(s => (Key: $"{s.Kind}:{s.Pattern}", p.Id)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Id))}")
            .ToList();

        Assert.Empty(claims);
    }

    [Fact]
    public void The_loaded_catalog_reports_no_ambiguity_involving_a_web_file()
    {
        var catalog = ProviderCatalog.LoadEmbedded();

        Assert.DoesNotContain(catalog.Ambiguities, a => a.Contains("Catalog.web-", StringComparison.Ordinal));
        Assert.All(WebFiles, file => Assert.Contains(file, catalog.Files));
    }

    [Theory]
    [InlineData(SignalKind.ResourceDomain, "pagead2.googlesyndication.com", "google-adsense")]
    [InlineData(SignalKind.ResourceDomain, "www.youtube.com", "youtube")]
    [InlineData(SignalKind.ResourceDomain, "www.youtube-nocookie.com", "youtube")]
    [InlineData(SignalKind.ResourceDomain, "i.ytimg.com", "youtube")]
    [InlineData(SignalKind.ResourceDomain, "fonts.googleapis.com", "google-fonts")]
    [InlineData(SignalKind.ResourceDomain, "fonts.gstatic.com", "google-fonts")]
    [InlineData(SignalKind.ResourceDomain, "www.googletagmanager.com", "google-tag-manager")]
    [InlineData(SignalKind.ResourceDomain, "www.google-analytics.com", "google-analytics")]
    [InlineData(SignalKind.ResourceDomain, "region1.google-analytics.com", "google-analytics")]
    [InlineData(SignalKind.ResourceDomain, "securepubads.g.doubleclick.net", "google-ad-manager")]
    [InlineData(SignalKind.ResourceDomain, "ajax.googleapis.com", "google-hosted-libraries")]
    [InlineData(SignalKind.AdsSeller, "google.com", "google-adsense")]
    public void Google_layers_all_roll_up_to_google_and_alphabet(SignalKind kind, string value, string provider)
    {
        var match = Match(kind, value);

        Assert.Equal(provider, match.Provider.Id);
        Assert.Equal("google", match.Company.Id);
        Assert.Equal("alphabet", match.Company.Parent);
        Assert.Equal("alphabet", match.UltimateParent.Id);
        Assert.StartsWith("https://", match.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignalKind.AffiliateParam, "www.amazon.com?tag", "amazon-associates", "amazon")]
    [InlineData(SignalKind.AffiliateParam, "https://www.amazon.co.uk/dp/B000000000?tag=site-21&th=1", "amazon-associates", "amazon")]
    [InlineData(SignalKind.LinkDomain, "amzn.to", "amazon-associates", "amazon")]
    [InlineData(SignalKind.ResourceDomain, "c.amazon-adsystem.com", "amazon-publisher-services", "amazon")]
    [InlineData(SignalKind.ResourceDomain, "player.twitch.tv", "twitch", "amazon")]
    [InlineData(SignalKind.ResourceDomain, "connect.facebook.net", "facebook-sdk", "meta")]
    [InlineData(SignalKind.ResourceDomain, "www.instagram.com", "instagram-embed", "meta")]
    [InlineData(SignalKind.ResourceDomain, "scontent.cdninstagram.com", "instagram-embed", "meta")]
    [InlineData(SignalKind.AdsSeller, "appnexus.com", "xandr", "microsoft")]
    [InlineData(SignalKind.ResourceDomain, "platform.linkedin.com", "linkedin-plugins", "microsoft")]
    [InlineData(SignalKind.ResourceDomain, "js.braintreegateway.com", "braintree", "paypal")]
    [InlineData(SignalKind.LinkDomain, "www.paypal.com", "paypal", "paypal")]
    [InlineData(SignalKind.LinkDomain, "patreon.com", "patreon", "patreon")]
    [InlineData(SignalKind.LinkDomain, "www.patreon.com", "patreon", "patreon")]
    [InlineData(SignalKind.LinkDomain, "example.memberful.com", "memberful", "patreon")]
    [InlineData(SignalKind.LinkDomain, "www.classy.org", "classy", "gofundme")]
    [InlineData(SignalKind.LinkDomain, "www.justgiving.com", "justgiving", "blackbaud")]
    [InlineData(SignalKind.LinkDomain, "ko-fi.com", "ko-fi", "ko-fi")]
    [InlineData(SignalKind.LinkDomain, "buy.stripe.com", "stripe", "stripe")]
    [InlineData(SignalKind.AdsSeller, "rubiconproject.com", "magnite", "magnite")]
    [InlineData(SignalKind.AdsSeller, "spotx.tv", "magnite-streaming", "magnite")]
    [InlineData(SignalKind.AdsSeller, "indexexchange.com", "index-exchange", "index-exchange")]
    [InlineData(SignalKind.AffiliateParam, "www.awin1.com?awinaffid", "awin", "axel-springer")]
    [InlineData(SignalKind.AffiliateParam, "shareasale.com?u", "shareasale", "axel-springer")]
    [InlineData(SignalKind.AffiliateParam, "click.linksynergy.com?id", "rakuten-advertising", "rakuten")]
    [InlineData(SignalKind.ResourceDomain, "cdnjs.cloudflare.com", "cdnjs", "cloudflare")]
    [InlineData(SignalKind.ResourceDomain, "player.vimeo.com", "vimeo", "bending-spoons")]
    [InlineData(SignalKind.ResourceDomain, "static.hotjar.com", "hotjar", "contentsquare")]
    [InlineData(SignalKind.ResourceDomain, "c.disquscdn.com", "disqus", "zeta-global")]
    [InlineData(SignalKind.Cname, "shops.myshopify.com", "shopify", "shopify")]
    [InlineData(SignalKind.Cname, "ext-cust.squarespace.com", "squarespace", "squarespace")]
    [InlineData(SignalKind.Header, "X-ShopId: 55083958454", "shopify", "shopify")]
    public void Real_signals_are_attributed_to_the_provider_and_its_ultimate_owner(SignalKind kind, string value, string provider, string owner)
    {
        var match = Match(kind, value);

        Assert.Equal(provider, match.Provider.Id);
        Assert.Equal(owner, match.UltimateParent.Id);
    }

    [Theory]
    [InlineData(SignalKind.ResourceDomain, "evilgooglesyndication.com")]
    [InlineData(SignalKind.ResourceDomain, "googlesyndication.com.example.net")]
    [InlineData(SignalKind.LinkDomain, "notpatreon.com")]
    [InlineData(SignalKind.AffiliateParam, "www.amazon.com?ref")]
    [InlineData(SignalKind.AdsSeller, "example-exchange.test")]
    public void Look_alike_hosts_and_other_parameters_are_not_attributed(SignalKind kind, string value)
    {
        var match = ProviderCatalog.LoadEmbedded().Match(kind, value);

        Assert.True(match is null || !match.Provider.File.StartsWith("Catalog.web-", StringComparison.Ordinal), $"{value} matched {match?.Provider.Id}");
    }

    [Fact]
    public void The_third_party_hosts_of_a_captured_page_roll_up_to_their_owners()
    {
        var har = SharedFixtures.Path("har", "blooket.com.har");
        using var stream = File.OpenRead(har);
        using var document = JsonDocument.Parse(stream);
        var hosts = document.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .Select(e => new Uri(e.GetProperty("request").GetProperty("url").GetString()!).Host)
            .Where(h => !h.EndsWith("blooket.com", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var catalog = ProviderCatalog.LoadEmbedded();

        var owners = hosts.Select(h => (Host: h, Match: catalog.Match(SignalKind.ResourceDomain, h))).ToList();

        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.True(o.Match is not null, $"{o.Host} is not attributed"));
        var byOwner = owners.Select(o => o.Match!.UltimateParent.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("alphabet", byOwner);
        Assert.Contains("cloudflare", byOwner);
        Assert.Contains(owners, o => o.Match!.Provider.Service == "fonts");
    }

    private static CatalogMatch Match(SignalKind kind, string value)
    {
        var match = ProviderCatalog.LoadEmbedded().Match(kind, value);
        Assert.True(match is not null, $"{kind} {value} is not attributed");
        return match;
    }

    private static bool IsHttps(string? source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.', StringComparison.Ordinal);

    private static bool IsKebab(string id) =>
        id.Length > 0 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && !id.StartsWith('-') && !id.EndsWith('-');

    private static IReadOnlyList<DataFile> ReadAllEmbedded()
    {
        var assembly = typeof(ProviderCatalog).Assembly;
        var files = new List<DataFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Catalog.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var companies = Items(root, "companies").Select(c => new CompanyRow(
                Text(c, "id")!, Text(c, "name"), Text(c, "parent"), Text(c, "country"), Text(c, "source"))).ToList();
            var providers = Items(root, "providers").Select(p => new ProviderRow(
                Text(p, "id")!, Text(p, "company")!, Text(p, "service")!,
                [.. Items(p, "signals").Select(s => new SignalRow(Text(s, "kind")!, Text(s, "pattern")!, Text(s, "source")))])).ToList();
            files.Add(new DataFile(name, companies, providers));
        }

        return files;
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record DataFile(string Name, IReadOnlyList<CompanyRow> Companies, IReadOnlyList<ProviderRow> Providers);

    private sealed record CompanyRow(string Id, string? Name, string? Parent, string? Country, string? Source);

    private sealed record ProviderRow(string Id, string Company, string Service, IReadOnlyList<SignalRow> Signals);

    private sealed record SignalRow(string Kind, string Pattern, string? Source);
}
