using Chokepoint.Attribution.Audit;
using Chokepoint.Model;
using Chokepoint.Naming;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Page;
using Chokepoint.Observations.Tls;

namespace Chokepoint.Attribution.Tests.Audit;

/// <summary>
/// One operator, one company: unknown operators shown to be one are grouped, a site's own nameservers under a
/// sibling domain are private, one-company public suffixes attribute to their operator, and third-party hosts get
/// their CDN from response headers.
/// </summary>
public sealed class OperatorAttributionTests
{
    /// <summary>A suffix list with registry suffixes (co.uk, uk.com resold) and one-company suffixes (cloudfront.net, github.io, exampleapps.net).</summary>
    private static readonly PublicSuffixList Suffixes = PublicSuffixList.FromRules(
        ["com", "org", "net", "uk", "co.uk", "io", "com.io", "de"],
        ["uk.com", "com.de", "cloudfront.net", "github.io", "exampleapps.net", "s3.amazonaws.com", "app.example.co.uk"]);

    private static readonly ReportAttributor Attributor = new(TestCatalog.Lookup, Suffixes);

    private static NameServerObservation Ns(string host, string? ownSoa = null, params AddressObservation[] addresses) =>
        new() { Host = host, AtParent = true, AtChild = true, State = "authoritative", OwnZoneSoa = ownSoa, Addresses = [.. addresses] };

    private static AddressObservation At(string ip, int? asn = null) => new() { Ip = ip, Asn = asn };

    private static LayerReport Layer(AuditReport report, Model.Layer layer) => report.Layers.Single(l => l.Layer == layer);

    private static IReadOnlyList<Dependency> DnsOf(string domain, string? siteSoa, params NameServerObservation[] nameServers) =>
        Layer(Attributor.Attribute(new SiteObservations
        {
            Domain = domain,
            Dns = new DnsObservation
            {
                NameServers = [.. nameServers],
                Soa = siteSoa is null ? null : new RecordSetObservation { Values = [siteSoa] },
            },
        }), Model.Layer.Dns).Dependencies;

    [Fact]
    public void Nameservers_of_one_brand_under_two_tlds_are_one_unknown_company_that_is_not_redundant()
    {
        var dns = DnsOf("site.com", null, Ns("ns1.brand.net"), Ns("ns2.brand.co.uk"));

        var only = Assert.Single(dns);
        Assert.True(only.Entity.IsUnknown);
        Assert.False(only.Redundant);
        Assert.Equal("brand.net + brand.co.uk", only.Entity.Name);
        var grouping = Assert.Single(only.Evidence, e => e.Signal == OperatorGroups.EvidenceSignal);
        Assert.Equal("brand-label=brand", grouping.Rule);
        Assert.Equal("brand.net, brand.co.uk", grouping.Value);
        Assert.Equal(["ns1.brand.net", "ns2.brand.co.uk"], only.Evidence.Where(e => e.Signal == "ns").Select(e => e.Value));
    }

    [Fact]
    public void Zones_with_one_soa_primary_and_mailbox_are_one_operator_whatever_their_names()
    {
        const string Soa = "ns0.opsco.net. noc.opsco.net. 1 7200 3600 1209600 300";
        var dns = DnsOf("site.com", null, Ns("ns1.alpha.net", Soa), Ns("ns2.beta.org", Soa));

        var only = Assert.Single(dns);
        Assert.False(only.Redundant);
        Assert.Contains(only.Evidence, e => e.Rule == "same-soa=ns0.opsco.net noc.opsco.net");
    }

    [Fact]
    public void A_zone_whose_soa_names_the_other_operator_domain_joins_it()
    {
        var dns = DnsOf("site.com", null, Ns("ns1.alpha.net"), Ns("ns2.gamma.org", "ns1.alpha.net. hostmaster.alpha.net. 1 2 3 4 5"));

        Assert.Contains(Assert.Single(dns).Evidence, e => e.Rule == "soa-names=alpha.net");
    }

    [Theory]
    [InlineData("127.0.0.1", 64500, "127.0.0.1", 64500, "same-address=127.0.0.1")]
    [InlineData("127.0.0.1", 64500, "127.0.9.9", 64500, "same-network=AS64500")]
    public void Nameservers_on_one_address_or_network_are_one_operator(string ip1, int asn1, string ip2, int asn2, string rule)
    {
        var dns = DnsOf("site.com", null, Ns("ns1.alpha.net", null, At(ip1, asn1)), Ns("ns1.beta.org", null, At(ip2, asn2)));

        var only = Assert.Single(dns);
        Assert.False(only.Redundant);
        Assert.Contains(only.Evidence, e => e.Rule == rule);
    }

    [Fact]
    public void Operators_shown_distinct_are_redundant_and_each_keeps_its_own_name()
    {
        var dns = DnsOf("site.com", null,
            Ns("ns1.alpha.net", "ns1.alpha.net. hostmaster.alpha.net. 1 2 3 4 5", At("127.0.0.1", 64500)),
            Ns("ns1.beta.org", "ns1.beta.org. hostmaster.beta.org. 1 2 3 4 5", At("127.0.0.2", 64501)));

        Assert.Equal(2, dns.Count);
        Assert.All(dns, d => Assert.True(d.Redundant));
        Assert.Equal(["alpha.net", "beta.org"], dns.Select(d => d.Entity.Name));
        Assert.DoesNotContain(dns.SelectMany(d => d.Evidence), e => e.Signal == OperatorGroups.EvidenceSignal);
    }

    [Fact]
    public void Operator_domains_whose_zones_are_hosted_at_one_known_provider_are_not_merged_by_its_soa()
    {
        // Both zones are served by Cloudflare (its SOA names Cloudflare's primary and mailbox): that says who serves
        // the zones, not that one company runs both operators.
        const string Soa = "amy.ns.cloudflare.com. dns.cloudflare.com. 1 2 3 4 5";
        var dns = DnsOf("site.com", null, Ns("ns1.alpha.net", Soa), Ns("ns1.beta.org", Soa));

        Assert.Equal(2, dns.Count);
    }

    [Fact]
    public void A_known_provider_next_to_an_unknown_one_stays_a_separate_company()
    {
        var dns = DnsOf("site.com", null, Ns("ns-1.awsdns-01.org"), Ns("ns1.brand.net"), Ns("ns2.brand.co.uk"));

        Assert.Equal(2, dns.Count);
        Assert.All(dns, d => Assert.True(d.Redundant));
    }

    [Theory]
    [InlineData("ns1.oldbrand.com. hostmaster.newbrand.com. 1 2 3 4 5")]
    [InlineData("ns1.newbrand.com. hostmaster.oldbrand.com. 1 2 3 4 5")]
    public void Nameservers_under_the_older_brand_are_the_sites_own_when_their_zones_soa_ties_them(string nameServerZoneSoa)
    {
        var dns = DnsOf("newbrand.com", null, Ns("ns1.oldbrand.com", nameServerZoneSoa), Ns("ns2.oldbrand.com", nameServerZoneSoa));

        var only = Assert.Single(dns);
        Assert.Equal(Classification.Private, only.Classification);
        Assert.Equal("self:newbrand.com", only.Entity.Id);
    }

    [Fact]
    public void An_soa_pointing_at_the_sites_hostmaster_never_leaves_the_nameservers_unknown()
    {
        // The site's SOA and the nameserver zone's SOA name the same owners: before, that alone gave "unknown".
        const string Soa = "ns1.oldbrand.com. hostmaster.newbrand.com. 1 2 3 4 5";
        var dns = DnsOf("newbrand.com", Soa, Ns("ns1.oldbrand.com", Soa));

        Assert.NotEqual(Classification.Unknown, Assert.Single(dns).Classification);
    }

    /// <summary>
    /// Regression: hosts that write hostmaster.&lt;customer zone&gt; into the zones they serve made their nameservers
    /// look like the site's own when the site's SOA counted as a tie (seen on the demo site meadowlark-demo.com).
    /// </summary>
    [Fact]
    public void A_site_soa_naming_the_sites_hostmaster_on_a_hosts_primary_does_not_make_the_host_the_sites()
    {
        var dns = DnsOf("site.com", "ns1.brand.net. hostmaster.site.com. 1 2 3 4 5",
            Ns("ns1.brand.net", "ns1.brand.net. hostmaster.brand.net. 1 2 3 4 5"), Ns("ns2.brand.co.uk"));

        var only = Assert.Single(dns);
        Assert.NotEqual(Classification.Private, only.Classification);
        Assert.False(only.Redundant);
    }

    [Fact]
    public void A_third_party_whose_soa_names_its_own_mailbox_is_not_the_sites()
    {
        var dns = DnsOf("newbrand.com", "ns1.dnshost.net. support.dnshost.net. 1 2 3 4 5",
            Ns("ns1.dnshost.net", "ns1.dnshost.net. support.dnshost.net. 1 2 3 4 5"));

        var only = Assert.Single(dns);
        Assert.NotEqual(Classification.Private, only.Classification);
        Assert.True(only.Entity.IsUnknown);
    }

    [Fact]
    public void Nameservers_under_a_domain_the_site_certificate_names_are_the_sites_own()
    {
        var observations = new SiteObservations
        {
            Domain = "newbrand.com",
            Dns = new DnsObservation { NameServers = [Ns("ns1.oldbrand.com")] },
            Tls = [new TlsObservation { Host = "newbrand.com", Valid = true, Chain = [new CertificateObservation { Subject = "CN=newbrand.com", Issuer = "CN=R11", SubjectAlternativeNames = ["newbrand.com", "oldbrand.com"] }] }],
        };

        Assert.Equal(Classification.Private, Assert.Single(Layer(Attributor.Attribute(observations), Model.Layer.Dns).Dependencies).Classification);
    }

    private static IReadOnlyList<Dependency> PageOf(params PageResource[] resources) =>
        Layer(Attributor.Attribute(new SiteObservations { Domain = "site.com", Page = new PageObservation { Resources = [.. resources] } }), Model.Layer.Page).Dependencies;

    private static PageResource Resource(string host, Dictionary<string, string>? headers = null) =>
        new() { Url = $"https://{host}/a.js", Host = host, Kind = "script", Headers = headers };

    [Fact]
    public void Hosts_under_a_one_company_suffix_the_catalog_knows_are_that_company()
    {
        var page = PageOf(Resource("d111.cloudfront.net"), Resource("d222.cloudfront.net"));

        var only = Assert.Single(page);
        Assert.Equal("amazon", only.Entity.Id);
        Assert.Equal(ServiceKind.ThirdPartyResource, only.Service);
    }

    [Theory]
    [InlineData("a.exampleapps.net", "b.exampleapps.net", "exampleapps.net")]
    [InlineData("alice.github.io", "bob.github.io", "github.io")]
    [InlineData("x.bucket1.s3.amazonaws.com", "bucket2.s3.amazonaws.com", "amazonaws.com")]
    [InlineData("one.app.example.co.uk", "two.app.example.co.uk", "example.co.uk")]
    public void Hosts_under_an_unknown_one_company_suffix_group_by_the_suffix(string first, string second, string operatorDomain)
    {
        var only = Assert.Single(PageOf(Resource(first), Resource(second)));

        Assert.Equal(EntityRef.Unknown(operatorDomain), only.Entity);
    }

    [Theory]
    [InlineData("cdn.alpha.co.uk", "cdn.beta.co.uk")]
    [InlineData("alpha.uk.com", "beta.uk.com")]
    [InlineData("alpha.com.io", "beta.com.io")]
    [InlineData("alpha.com.de", "beta.com.de")]
    public void Hosts_registered_under_a_registry_suffix_stay_separate_companies(string first, string second) =>
        Assert.Equal(2, PageOf(Resource(first), Resource(second)).Count);

    [Fact]
    public void A_third_party_script_host_answering_through_a_cdn_depends_on_that_cdn()
    {
        var page = PageOf(
            Resource("static.widgets.net", new Dictionary<string, string> { ["cf-ray"] = "8a1b2c3d4e5f-FRA" }),
            Resource("plain.other.org"));

        var widgets = page.Single(d => d.Entity.Name == "widgets.net");
        var cdn = Assert.Single(widgets.DependsOn);
        Assert.Equal("cloudflare", cdn.Entity.Id);
        Assert.Equal(ServiceKind.Cdn, cdn.Service);
        Assert.Equal("cf-ray: 8a1b2c3d4e5f-FRA", Assert.Single(cdn.Facts?.Hosts ?? []).Header);
        Assert.Empty(page.Single(d => d.Entity.Name == "other.org").DependsOn);
    }

    [Fact]
    public void Third_party_cdn_headers_do_not_make_the_cdn_the_sites_own()
    {
        var report = Attributor.Attribute(new SiteObservations
        {
            Domain = "site.com",
            Page = new PageObservation { Resources = [Resource("static.widgets.net", new Dictionary<string, string> { ["cf-ray"] = "1-FRA" })] },
        });

        Assert.Empty(Layer(report, Model.Layer.Cdn).Dependencies);
    }

    [Fact]
    public void Exchangers_of_one_brand_under_two_tlds_are_one_mail_company()
    {
        var report = Attributor.Attribute(new SiteObservations
        {
            Domain = "site.com",
            Mail = new MailObservation { Mx = [new MxObservation { Host = "mx1.brand.net", Preference = 10 }, new MxObservation { Host = "mx2.brand.co.uk", Preference = 20 }] },
        });

        var mail = Assert.Single(Layer(report, Model.Layer.Mail).Dependencies, d => d.Service == ServiceKind.Mail);
        Assert.False(mail.Redundant);
        Assert.Contains(mail.Evidence, e => e.Rule == "brand-label=brand");
    }
}
