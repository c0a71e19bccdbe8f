using Chokepoint.Attribution.Audit;
using Chokepoint.Attribution.Catalog;
using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Tls;

namespace Chokepoint.Attribution.Tests.Audit;

/// <summary>What providers themselves rely on, from observed zones and OCSP hosts, lands in <c>dependsOn</c>.</summary>
public sealed class UpstreamAttributionTests
{
    private static LayerReport Layer(AuditReport report, Model.Layer layer) => report.Layers.Single(l => l.Layer == layer);

    private static SiteObservations CdnSite(params ZoneObservation[] zones) => new()
    {
        Domain = "shop.com",
        Hosts =
        [
            new HostObservation { Name = "shop.com", Role = "apex", Addresses = [new AddressObservation { Ip = "192.0.2.1" }] },
            new HostObservation { Name = "www.shop.com", Role = "www", CnameChain = ["d1.cloudfront.net"], Addresses = [new AddressObservation { Ip = "192.0.2.2" }] },
        ],
        UpstreamZones = [.. zones],
    };

    [Fact]
    public void The_dns_of_a_cdn_cname_target_zone_is_what_the_cdn_depends_on()
    {
        var observations = CdnSite(new ZoneObservation { Zone = "cloudfront.net", Names = ["d1.cloudfront.net"], NameServers = ["dns1.p01.nsone.net", "dns2.p01.nsone.net"], Ttl = 172800 });

        var cdn = Assert.Single(Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Cdn).Dependencies);

        Assert.Equal("amazon", cdn.Entity.Id);
        var upstream = Assert.Single(cdn.DependsOn);
        Assert.Equal("ns1", upstream.Entity.Id);
        Assert.Equal("ibm", upstream.Owner?.Id);
        Assert.Equal(ServiceKind.Dns, upstream.Service);
        var zone = upstream.Facts?.Upstream;
        Assert.NotNull(zone);
        Assert.Equal("cloudfront.net", zone.Zone);
        Assert.Equal(172800, zone.ZoneNsTtl);
        Assert.Equal(UpstreamReason.Cname, zone.Reason);
        Assert.Equal(["www.shop.com"], zone.For);
        Assert.Equal(["d1.cloudfront.net"], zone.Names);
        Assert.Equal(["dns1.p01.nsone.net", "dns2.p01.nsone.net"], zone.NameServers);
        Assert.Equal(Classification.ThirdParty, upstream.Classification);
        Assert.False(upstream.Redundant);
        Assert.Equal(2, upstream.Evidence.Count);
    }

    [Fact]
    public void A_zone_at_two_companies_is_redundant_and_own_nameservers_are_the_providers_own()
    {
        var twoCompanies = CdnSite(new ZoneObservation { Zone = "cloudfront.net", Names = ["d1.cloudfront.net"], NameServers = ["dns1.p01.nsone.net", "ns-1.awsdns-01.org"] });
        var own = CdnSite(new ZoneObservation { Zone = "cloudfront.net", Names = ["d1.cloudfront.net"], NameServers = ["ns1.cloudfront.net"] });

        var both = Assert.Single(Layer(TestCatalog.Attributor.Attribute(twoCompanies), Model.Layer.Cdn).Dependencies).DependsOn;
        var self = Assert.Single(Assert.Single(Layer(TestCatalog.Attributor.Attribute(own), Model.Layer.Cdn).Dependencies).DependsOn);

        Assert.Equal(2, both.Count);
        Assert.All(both, d => Assert.True(d.Redundant));
        Assert.Equal(Classification.Private, both.Single(d => d.Entity.Id == "amazon").Classification);
        Assert.Equal("amazon", self.Entity.Id);
        Assert.Equal(Classification.Private, self.Classification);
        Assert.Equal("own nameservers of cloudfront.net", self.Provider);
    }

    [Fact]
    public void An_unseen_zone_is_reported_as_not_observed_once()
    {
        var silent = CdnSite();
        var explained = CdnSite() with { Unobserved = [new Unobserved("upstream.zone.cname", "d1.cloudfront.net: NS query timed out")] };

        var silentCdn = Layer(TestCatalog.Attributor.Attribute(silent), Model.Layer.Cdn);
        var explainedCdn = Layer(TestCatalog.Attributor.Attribute(explained), Model.Layer.Cdn);

        Assert.Empty(Assert.Single(silentCdn.Dependencies).DependsOn);
        var item = Assert.Single(silentCdn.Unobserved);
        Assert.Equal(UpstreamAttribution.KeyFor("cname"), item.What);
        Assert.Contains("d1.cloudfront.net", item.Reason, StringComparison.Ordinal);
        var collectorGap = Assert.Single(explainedCdn.Unobserved);
        Assert.Contains("timed out", collectorGap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cname_targets_inside_the_site_are_not_upstream()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Hosts = [new HostObservation { Name = "www.shop.com", Role = "www", CnameChain = ["edge.shop.com"], Addresses = [new AddressObservation { Ip = "192.0.2.9", Asn = 16509 }] }],
        };

        var report = TestCatalog.Attributor.Attribute(observations);

        var hosting = Assert.Single(Layer(report, Model.Layer.Hosting).Dependencies);
        Assert.Empty(hosting.DependsOn);
        Assert.DoesNotContain(report.Layers.SelectMany(l => l.Unobserved), u => u.What.StartsWith(UpstreamAttribution.UnobservedKey, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cas_ocsp_responder_behind_a_cdn_and_its_zone_are_what_the_ca_depends_on()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Tls =
            [
                new TlsObservation
                {
                    Host = "shop.com",
                    Valid = true,
                    Chain = [new CertificateObservation { Subject = "CN=shop.com", Issuer = "CN=R11, O=Let's Encrypt", IssuerOrganization = "Let's Encrypt", OcspUrls = ["http://ocsp.lencr-test.org/"] }],
                },
            ],
            Hosts = [new HostObservation { Name = "ocsp.lencr-test.org", Role = "ocsp", CnameChain = ["ocsp.lencr-test.org.cdn.example"], Addresses = [new AddressObservation { Ip = "192.0.2.7", Asn = 13335 }] }],
            UpstreamZones =
            [
                new ZoneObservation { Zone = "lencr-test.org", Reason = "ocsp", Names = ["ocsp.lencr-test.org"], NameServers = ["ns1.lencr-test.org", "ns2.lencr-test.org"] },
                new ZoneObservation { Zone = "cdn.example", Reason = "ocsp", Names = ["ocsp.lencr-test.org.cdn.example"], NameServers = ["kate.ns.cloudflare.com"] },
            ],
        };

        var ca = Assert.Single(Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Tls).Dependencies);

        Assert.Equal("isrg", ca.Entity.Id);
        var network = Assert.Single(ca.DependsOn, d => d.Service == ServiceKind.Cdn);
        Assert.Equal("cloudflare", network.Entity.Id);
        Assert.Equal(Classification.ThirdParty, network.Classification);
        var own = Assert.Single(ca.DependsOn, d => d.Service == ServiceKind.Dns && d.Facts?.Upstream?.Zone == "lencr-test.org");
        Assert.Equal("unknown:lencr-test.org", own.Entity.Id);
        Assert.Equal(Classification.Unknown, own.Classification);
        var edgeDns = Assert.Single(ca.DependsOn, d => d.Service == ServiceKind.Dns && d.Facts?.Upstream?.Zone == "cdn.example");
        Assert.Equal("cloudflare", edgeDns.Entity.Id);
    }

    [Fact]
    public void An_unresolved_ocsp_host_is_not_observed_rather_than_absent()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Tls =
            [
                new TlsObservation
                {
                    Host = "shop.com",
                    Chain = [new CertificateObservation { Subject = "CN=shop.com", Issuer = "CN=R11, O=Let's Encrypt", IssuerOrganization = "Let's Encrypt", OcspUrls = ["http://ocsp.lencr-test.org/"] }],
                },
            ],
            UpstreamZones = [],
        };

        var tls = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Tls);

        Assert.Empty(Assert.Single(tls.Dependencies).DependsOn);
        Assert.Contains(tls.Unobserved, u => u.What == "tls.ocsp" && u.Reason.Contains("ocsp.lencr-test.org", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mail_providers_exchangers_need_the_dns_of_their_zone()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Mail = new Observations.Mail.MailObservation { Mx = [new Observations.Mail.MxObservation { Preference = 1, Host = "aspmx.l.google.com" }] },
            UpstreamZones = [new ZoneObservation { Zone = "google.com", Reason = "mx", Names = ["aspmx.l.google.com"], NameServers = ["kate.ns.cloudflare.com", "ns1.google.com"] }],
        };

        var mail = Assert.Single(Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Mail).Dependencies);

        Assert.Equal(2, mail.DependsOn.Count);
        Assert.All(mail.DependsOn, d => Assert.Equal("google.com", d.Facts?.Upstream?.Zone));
        Assert.All(mail.DependsOn, d => Assert.Equal(UpstreamReason.Mx, d.Facts?.Upstream?.Reason));
        Assert.Equal(Classification.ThirdParty, mail.DependsOn.Single(d => d.Entity.Id == "cloudflare").Classification);
        Assert.Equal(Classification.Private, mail.DependsOn.Single(d => d.Entity.Id == "google").Classification);
        Assert.All(mail.DependsOn, d => Assert.True(d.Redundant));
    }

    [Fact]
    public void A_provider_found_by_its_network_does_not_take_another_providers_cname_zone()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Hosts = [new HostObservation { Name = "www.shop.com", Role = "www", CnameChain = ["d1.cloudfront.net"], Addresses = [new AddressObservation { Ip = "192.0.2.2", Asn = 13335 }] }],
            UpstreamZones = [new ZoneObservation { Zone = "cloudfront.net", Names = ["d1.cloudfront.net"], NameServers = ["dns1.p01.nsone.net"] }],
        };

        var cdn = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Cdn).Dependencies;

        Assert.Empty(cdn.Single(d => d.Entity.Id == "cloudflare").DependsOn);
        Assert.Equal("ns1", Assert.Single(cdn.Single(d => d.Entity.Id == "amazon").DependsOn).Entity.Id);
    }

    [Fact]
    public void A_zone_outside_the_catalog_on_its_own_nameservers_is_an_unknown_company_not_the_provider()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Hosts = [new HostObservation { Name = "www.shop.com", Role = "www", CnameChain = ["shops.saasbuilder.io"], Addresses = [new AddressObservation { Ip = "192.0.2.2", Asn = 13335 }] }],
            UpstreamZones = [new ZoneObservation { Zone = "saasbuilder.io", Names = ["shops.saasbuilder.io"], NameServers = ["ns1.saasbuilder.io", "ns2.saasbuilder.io"] }],
        };

        var cloudflare = Assert.Single(Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Cdn).Dependencies);

        var zoneDns = Assert.Single(cloudflare.DependsOn);
        Assert.Equal("unknown:saasbuilder.io", zoneDns.Entity.Id);
        Assert.Equal(Classification.Unknown, zoneDns.Classification);
        Assert.Contains("www.shop.com", zoneDns.Facts?.Upstream?.For ?? []);
    }

    [Fact]
    public void The_for_text_names_only_hosts_whose_chain_led_to_the_zone()
    {
        var observations = CdnSite(new ZoneObservation { Zone = "cloudfront.net", Names = ["d1.cloudfront.net"], NameServers = ["dns1.p01.nsone.net"] }) with
        {
            Hosts =
            [
                new HostObservation { Name = "shop.com", Role = "apex", Addresses = [new AddressObservation { Ip = "192.0.2.1", Asn = 16509 }] },
                new HostObservation { Name = "www.shop.com", Role = "www", CnameChain = ["d1.cloudfront.net"], Addresses = [new AddressObservation { Ip = "192.0.2.2", Asn = 16509 }] },
            ],
        };

        var report = TestCatalog.Attributor.Attribute(observations);

        var upstream = report.Layers.SelectMany(l => l.Dependencies).SelectMany(d => d.DependsOn).ToList();
        Assert.NotEmpty(upstream);
        Assert.All(upstream, d => Assert.Equal(["www.shop.com"], d.Facts?.Upstream?.For ?? []));
    }

    [Theory]
    [InlineData("upstream.zone.mx", "aspmx.l.google.com", Model.Layer.Mail)]
    [InlineData("upstream.zone.ocsp", "ocsp.lencr-test.org", Model.Layer.Tls)]
    [InlineData("host.ocsp", "ocsp.lencr-test.org", Model.Layer.Tls)]
    [InlineData("upstream.zone.cname", "d1.cloudfront.net", Model.Layer.Cdn)]
    public void A_collector_gap_is_shown_with_the_layer_it_concerns_and_nowhere_else(string what, string name, Model.Layer layer)
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Hosts = [new HostObservation { Name = "www.shop.com", Role = "www", CnameChain = ["d1.cloudfront.net"], Addresses = [new AddressObservation { Ip = "192.0.2.2" }] }],
            Mail = new Observations.Mail.MailObservation { Mx = [new Observations.Mail.MxObservation { Preference = 1, Host = "aspmx.l.google.com" }] },
            Tls = [new TlsObservation { Host = "shop.com", Chain = [new CertificateObservation { Subject = "CN=shop.com", Issuer = "O=Let's Encrypt", IssuerOrganization = "Let's Encrypt", OcspUrls = ["http://ocsp.lencr-test.org/"] }] }],
            UpstreamZones = [],
            Unobserved = [new Unobserved(what, $"{name}: timed out after 3 s")],
        };

        var report = TestCatalog.Attributor.Attribute(observations);

        var shown = report.Layers.Where(l => l.Unobserved.Any(u => u.What == what)).Select(l => l.Layer).ToList();
        Assert.Equal([layer], shown);
    }

    [Fact]
    public void Observations_from_before_upstream_collection_say_not_collected_rather_than_failed()
    {
        var old = CdnSite() with { UpstreamZones = null };

        var cdn = Layer(TestCatalog.Attributor.Attribute(old), Model.Layer.Cdn);

        var item = Assert.Single(cdn.Unobserved);
        Assert.Equal(UpstreamAttribution.NotCollected, item.Reason);
        Assert.Empty(Assert.Single(cdn.Dependencies).DependsOn);
    }

    [Fact]
    public void A_zone_holding_the_providers_own_cname_target_is_the_providers_even_when_the_catalog_names_only_the_target()
    {
        const string Json = """
        {
          "companies": [ { "id": "sitebuilder", "name": "Site Builder Inc.", "parent": null, "country": "US", "source": "https://example.org/sb" } ],
          "providers": [
            { "id": "sitebuilder-hosting", "name": "Site Builder", "company": "sitebuilder", "service": "hosting",
              "signals": [ { "kind": "cname", "pattern": "ext-cust.sitebuilder.example", "source": "https://example.org/sb-cname" } ] }
          ]
        }
        """;
        var lookup = new CatalogLookup(ProviderCatalog.Load([("sb.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json)))]));
        var attributor = new ReportAttributor(lookup, Chokepoint.Naming.PublicSuffixList.FromRules(["com", "example"]));
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Hosts = [new HostObservation { Name = "www.shop.com", Role = "www", CnameChain = ["ext-cust.sitebuilder.example"], Addresses = [new AddressObservation { Ip = "192.0.2.2" }] }],
            UpstreamZones = [new ZoneObservation { Zone = "sitebuilder.example", Names = ["ext-cust.sitebuilder.example"], NameServers = ["ns1.sitebuilder.example"] }],
        };

        var hosting = Assert.Single(attributor.Attribute(observations).Layers.Single(l => l.Layer == Model.Layer.Hosting).Dependencies);

        var own = Assert.Single(hosting.DependsOn);
        Assert.Equal("sitebuilder", own.Entity.Id);
        Assert.Equal(Classification.Private, own.Classification);
    }
}
