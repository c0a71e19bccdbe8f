using Chokepoint.Model;
using Chokepoint.Observations;
using Chokepoint.Observations.Dns;
using Chokepoint.Observations.Hosting;
using Chokepoint.Observations.Mail;
using Chokepoint.Observations.Page;
using Chokepoint.Observations.Registration;
using Chokepoint.Observations.Tls;
using Chokepoint.Observations.Web;

namespace Chokepoint.Attribution.Tests.Audit;

public sealed class ReportAttributorTests
{
    private static NameServerObservation Ns(string host, string? ownSoa = null) =>
        new() { Host = host, AtParent = true, AtChild = true, State = "authoritative", OwnZoneSoa = ownSoa };

    private static LayerReport Layer(AuditReport report, Model.Layer layer) => report.Layers.Single(l => l.Layer == layer);

    [Fact]
    public void Nameservers_of_one_company_are_one_single_dependency_whatever_their_count()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Dns = new DnsObservation { NameServers = [Ns("ns-1.awsdns-01.org"), Ns("ns-2.awsdns-02.com"), Ns("ns-3.awsdns-03.org")] },
        };

        var dns = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Dns);

        var dependency = Assert.Single(dns.Dependencies);
        Assert.Equal("amazon", dependency.Entity.Id);
        Assert.Equal(Classification.ThirdParty, dependency.Classification);
        Assert.False(dependency.Redundant);
        Assert.Equal(3, dependency.Evidence.Count);
    }

    [Fact]
    public void Dns_facts_carry_the_ns_ttls_and_the_zones_soa_as_typed_values()
    {
        var observations = new SiteObservations
        {
            Domain = "shop.com",
            Dns = new DnsObservation
            {
                NameServers = [Ns("ns-1.awsdns-01.org")],
                ParentNs = new RecordSetObservation { Values = ["ns-1.awsdns-01.org"], Ttl = 172800 },
                ChildNs = new RecordSetObservation { Values = ["ns-1.awsdns-01.org"], Ttl = 3600 },
                Soa = new RecordSetObservation { Values = ["ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"], Ttl = 900 },
            },
        };

        var delegation = Assert.Single(Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Dns).Dependencies).Facts!.Delegation!;

        Assert.Equal((172800, 3600), (delegation.ParentNsTtl, delegation.ChildNsTtl));
        Assert.Equal(new SoaFacts { PrimaryNameServer = "ns-1.awsdns-01.org", ResponsibleMailbox = "awsdns-hostmaster.amazon.com", Serial = 1, Refresh = 7200, Retry = 900, Expire = 1209600, Minimum = 86400, Ttl = 900 }, delegation.Soa);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ns1. host. 1 2 3 4")]
    [InlineData("ns1. host. 1 2 3 4 x")]
    [InlineData("ns1. host. 1 2 3 4 99999999999")]
    public void An_soa_that_is_not_one_is_no_fact(string text) => Assert.Null(SoaFacts.Parse(text, 300));

    [Fact]
    public void Nameservers_at_two_unrelated_companies_are_redundant_and_rolled_up()
    {
        var observations = new SiteObservations
        {
            Domain = "twodns.com",
            Dns = new DnsObservation { NameServers = [Ns("dns1.p01.nsone.net"), Ns("ns-1.awsdns-01.org")] },
        };

        var dns = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Dns);

        Assert.Equal(2, dns.Dependencies.Count);
        Assert.All(dns.Dependencies, dependency => Assert.True(dependency.Redundant));
        var ns1 = dns.Dependencies.Single(d => d.Entity.Id == "ns1");
        Assert.Equal("ibm", ns1.Owner?.Id);
    }

    [Fact]
    public void Own_nameservers_are_private_and_a_lookalike_domain_is_not_the_provider()
    {
        var observations = new SiteObservations
        {
            Domain = "selfhosted.org",
            Dns = new DnsObservation { NameServers = [Ns("ns1.selfhosted.org"), Ns("ns.cloudflare.com.evil.net", "ns.evil.net. admin.evil.net. 1 2 3 4 5")], Soa = new RecordSetObservation { Values = ["ns1.selfhosted.org. admin.selfhosted.org. 1 2 3 4 5"] } },
        };

        var dns = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Dns);

        var self = dns.Dependencies.Single(d => d.Classification == Classification.Private);
        Assert.StartsWith("self:", self.Entity.Id, StringComparison.Ordinal);
        var other = dns.Dependencies.Single(d => d != self);
        Assert.NotEqual("cloudflare", other.Entity.Id);
        Assert.Equal(Classification.ThirdParty, other.Classification);
        Assert.True(self.Redundant);
    }

    /// <summary>
    /// Regression: CloudFront's edge answers from Amazon's own network, which the catalog also calls hosting, so every
    /// CloudFront site was reported as hosted by Amazon although only the edge was seen.
    /// </summary>
    [Theory]
    [InlineData("cname")]
    [InlineData("header")]
    public void An_address_in_the_network_of_the_cdn_a_name_points_at_is_its_edge_not_the_hosting(string signal)
    {
        var byCname = signal == "cname";
        var observations = new SiteObservations
        {
            Domain = "edge-example.com",
            Dns = new DnsObservation { NameServers = [Ns("amy.ns.cloudflare.com"), Ns("bob.ns.cloudflare.com")] },
            Hosts =
            [
                new HostObservation
                {
                    Name = "edge-example.com",
                    CnameChain = byCname ? ["d111111abcdef8.cloudfront.net"] : [],
                    Addresses = [new AddressObservation { Ip = "127.20.0.10", Asn = 16509 }],
                },
            ],
            Http = [new HttpObservation { Url = "https://edge-example.com/", Status = 200, Headers = byCname ? [] : new() { ["x-amz-cf-id"] = "abc" } }],
        };

        var report = TestCatalog.Attributor.Attribute(observations);

        Assert.Equal("amazon", Assert.Single(Layer(report, Model.Layer.Cdn).Dependencies).Entity.Id);
        var hosting = Layer(report, Model.Layer.Hosting);
        Assert.Empty(hosting.Dependencies);
        Assert.Contains(hosting.Unobserved, u => u.What == "hosting.origin");
    }

    [Fact]
    public void An_address_in_the_cdns_company_network_on_a_name_not_behind_the_cdn_is_hosting()
    {
        var observations = new SiteObservations
        {
            Domain = "ec2-example.com",
            Dns = new DnsObservation { NameServers = [Ns("amy.ns.cloudflare.com"), Ns("bob.ns.cloudflare.com")] },
            Hosts =
            [
                new HostObservation { Name = "ec2-example.com", Addresses = [new AddressObservation { Ip = "127.20.0.11", Asn = 16509 }] },
                new HostObservation { Name = "www.ec2-example.com", Role = "www", CnameChain = ["d222222abcdef8.cloudfront.net"], Addresses = [new AddressObservation { Ip = "127.20.0.12", Asn = 16509 }] },
            ],
        };

        var report = TestCatalog.Attributor.Attribute(observations);

        Assert.Equal("amazon", Assert.Single(Layer(report, Model.Layer.Hosting).Dependencies).Entity.Id);
        Assert.Equal("amazon", Assert.Single(Layer(report, Model.Layer.Cdn).Dependencies).Entity.Id);
        Assert.DoesNotContain(Layer(report, Model.Layer.Hosting).Unobserved, u => u.What == "hosting.origin");
    }

    [Fact]
    public void Registrar_dns_and_cdn_of_one_company_are_attributed_at_each_layer()
    {
        var observations = new SiteObservations
        {
            Domain = "allinone.com",
            Registration = new RegistrationObservation { Tld = "com", RegistrarIanaId = 1910, RegistrarName = "Cloudflare, Inc.", Status = ["client transfer prohibited"] },
            Dns = new DnsObservation { NameServers = [Ns("amy.ns.cloudflare.com"), Ns("bob.ns.cloudflare.com")] },
            Hosts = [new HostObservation { Name = "allinone.com", Addresses = [new AddressObservation { Ip = "127.13.0.10", Asn = 13335 }] }],
            Http = [new HttpObservation { Url = "https://allinone.com/", Status = 200, Headers = new() { ["cf-ray"] = "8a1b2c3d4e5f-AMS", ["server"] = "cloudflare" } }],
        };

        var report = TestCatalog.Attributor.Attribute(observations);

        Assert.Contains(Layer(report, Model.Layer.Registration).Dependencies, d => d.Service == ServiceKind.Registrar && d.Entity.Id == "cloudflare");
        Assert.Contains(Layer(report, Model.Layer.Registration).Dependencies, d => d.Service == ServiceKind.Registry && d.Entity.Id == "verisign");
        Assert.Equal("cloudflare", Assert.Single(Layer(report, Model.Layer.Dns).Dependencies).Entity.Id);
        var cdn = Assert.Single(Layer(report, Model.Layer.Cdn).Dependencies);
        Assert.Equal("cloudflare", cdn.Entity.Id);
        Assert.Contains(cdn.Evidence, e => e.Signal == "header");
        Assert.Contains(cdn.Evidence, e => e.Signal == "asn");
        Assert.Contains(Layer(report, Model.Layer.Hosting).Unobserved, u => u.What == "hosting.origin");
    }

    [Theory]
    [InlineData(new[] { "client transfer prohibited", "client update prohibited" }, true)]
    [InlineData(new[] { "active" }, false)]
    public void Registrar_status_codes_and_lock_are_typed_facts(string[] status, bool locked)
    {
        var changed = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var observations = new SiteObservations
        {
            Domain = "locked.com",
            Registration = new RegistrationObservation { Tld = "com", RegistrarIanaId = 1910, Status = [.. status], LastChanged = changed },
        };

        var registrar = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Registration).Dependencies.Single(d => d.Service == ServiceKind.Registrar);

        var facts = registrar.Facts?.Registrar;
        Assert.NotNull(facts);
        Assert.Equal(status, facts.StatusCodes);
        Assert.Equal(locked, facts.TransferLocked);
        Assert.False(facts.OnHold);
        Assert.Equal(changed, facts.LastChanged);
    }

    [Theory]
    [InlineData(false, 90, true)]
    [InlineData(true, 100, true)]
    [InlineData(true, 398, false)]
    public void Caa_set_and_automation_evidence_are_typed_facts(bool caaObserved, int validityDays, bool automated)
    {
        var notBefore = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var observations = new SiteObservations
        {
            Domain = "secure.com",
            Dns = new DnsObservation { Caa = caaObserved ? new RecordSetObservation() : null },
            Tls =
            [
                new TlsObservation
                {
                    Host = "secure.com",
                    Valid = true,
                    Chain = [new CertificateObservation { Subject = "CN=secure.com", Issuer = "CN=R11, O=Let's Encrypt", IssuerOrganization = "Let's Encrypt", NotBefore = notBefore, NotAfter = notBefore.AddDays(validityDays) }],
                },
            ],
        };

        var ca = Assert.Single(Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Tls).Dependencies);

        Assert.Equal(caaObserved, ca.Facts?.Caa?.Observed);
        Assert.Equal(caaObserved, ca.Facts?.Caa?.NonePublished);
        var certificate = Assert.Single(ca.Facts?.Certificates ?? []);
        Assert.Equal(automated, certificate.Automation.Likely);
        Assert.Equal(automated ? AutomationReason.ShortValidity : AutomationReason.LongValidity, certificate.Automation.Reason);
        Assert.Null(certificate.OcspStapled);
        Assert.Empty(certificate.ValidationErrors);
    }

    [Fact]
    public void Hold_status_is_reported_on_the_registrar()
    {
        var observations = new SiteObservations
        {
            Domain = "onhold.com",
            Registration = new RegistrationObservation { Tld = "com", RegistrarIanaId = 1910, Status = ["client hold"] },
        };

        var registrar = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Registration).Dependencies.Single(d => d.Service == ServiceKind.Registrar);

        Assert.True(registrar.Facts?.Registrar?.OnHold);
    }

    [Fact]
    public void Tls_names_the_ca_and_the_caa_policy()
    {
        var observations = new SiteObservations
        {
            Domain = "secure.com",
            Dns = new DnsObservation { Caa = new RecordSetObservation { Values = ["0 issue \"letsencrypt.org\"", "0 issue \"digicert.com; cansignhttpexchanges=yes\"", "0 iodef \"mailto:sec@secure.com\""] } },
            Tls =
            [
                new TlsObservation
                {
                    Host = "secure.com",
                    Valid = true,
                    OcspStapled = false,
                    Chain = [new CertificateObservation { Subject = "CN=secure.com", Issuer = "CN=R11, O=Let's Encrypt", IssuerOrganization = "Let's Encrypt", NotBefore = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), NotAfter = new DateTimeOffset(2026, 12, 30, 0, 0, 0, TimeSpan.Zero) }],
                },
            ],
        };

        var ca = Assert.Single(Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Tls).Dependencies);

        Assert.Equal("isrg", ca.Entity.Id);
        Assert.Equal(new CaaFacts { Observed = true, Issuers = ["letsencrypt.org", "digicert.com"] }.Issuers, ca.Facts?.Caa?.Issuers);
        Assert.True(ca.Facts?.Caa?.Observed);
        var certificate = Assert.Single(ca.Facts?.Certificates ?? []);
        Assert.Equal(new IssuanceAutomation(true, AutomationReason.ShortValidity), certificate.Automation);
        Assert.Equal(90, certificate.ValidityDays);
        Assert.False(certificate.OcspStapled);
    }

    [Fact]
    public void Mail_received_by_one_company_is_single_and_spf_senders_are_listed()
    {
        var observations = new SiteObservations
        {
            Domain = "mailer.com",
            Mail = new MailObservation
            {
                Mx = [new MxObservation { Preference = 1, Host = "aspmx.l.google.com" }, new MxObservation { Preference = 5, Host = "alt1.aspmx.l.google.com" }],
                SpfIncludes = ["_spf.google.com"],
            },
        };

        var mail = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Mail);

        var receiving = Assert.Single(mail.Dependencies, d => d.Service == ServiceKind.Mail);
        Assert.Equal("google", receiving.Entity.Id);
        Assert.Equal("alphabet", receiving.Owner?.Id);
        Assert.False(receiving.Redundant);
        Assert.Contains(mail.Dependencies, d => d.Service == ServiceKind.MailSending && d.Entity.Id == "google");
    }

    [Fact]
    public void A_null_mx_is_a_note_that_no_mail_is_accepted_not_a_mail_provider()
    {
        var observations = new SiteObservations
        {
            Domain = "nomail.com",
            Mail = new MailObservation { Mx = [new MxObservation { Preference = 0, Host = "." }] },
        };

        var mail = Layer(TestCatalog.Attributor.Attribute(observations), Model.Layer.Mail);

        Assert.Empty(mail.Dependencies);
        Assert.Contains(mail.Notes, note => note.Contains("RFC 7505", StringComparison.Ordinal));
    }

    [Fact]
    public void Page_and_money_layers_split_resources_and_revenue_paths()
    {
        var observations = new SiteObservations
        {
            Domain = "news.com",
            Page = new PageObservation
            {
                Pages = [new PageFetch { Url = "https://news.com/", Status = 200 }, new PageFetch { Url = "https://news.com/big", Incomplete = "body exceeded 5 MB" }],
                Resources =
                [
                    new PageResource { Url = "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js", Host = "pagead2.googlesyndication.com", Kind = "script" },
                    new PageResource { Url = "https://cdn.unknown-widgets.net/w.js", Host = "cdn.unknown-widgets.net", Kind = "script", Blocking = true },
                    new PageResource { Url = "https://news.com/app.js", Host = "news.com", Kind = "script" },
                ],
                Links = [new PageLink { Url = "https://donorbox.org/news", Host = "donorbox.org", Text = "Donate" }],
                AdsTxt = [new AdsTxtEntry { AdSystem = "google.com", AccountId = "pub-1", Relationship = "DIRECT" }, new AdsTxtEntry { AdSystem = "adnet.example", AccountId = "9", Relationship = "RESELLER" }],
            },
        };

        var report = TestCatalog.Attributor.Attribute(observations);
        var page = Layer(report, Model.Layer.Page);
        var money = Layer(report, Model.Layer.Money);

        Assert.DoesNotContain(page.Dependencies, d => d.Entity.Name.Contains("news.com", StringComparison.Ordinal));
        Assert.Contains(page.Dependencies, d => d.Entity.Id == "unknown:unknown-widgets.net"
            && d.Facts?.PageUses?.Single() is { Kind: ResourceKind.Script, Blocking: true });
        var ads = money.Dependencies.Single(d => d.Entity.Id == "google");
        Assert.Equal([new AdsSeller("pub-1", SellerRelationship.Direct)], ads.Facts?.Sellers ?? []);
        Assert.True(ads.Redundant);
        Assert.Contains(money.Dependencies, d => d.Service == ServiceKind.Donations && d.Entity.Id == "donorbox");
        Assert.Contains(page.Unobserved, u => u.Reason.Contains("body exceeded 5 MB", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_observed_says_so_rather_than_reporting_no_dependency()
    {
        var observations = new SiteObservations
        {
            Domain = "dark.com",
            Unobserved = [new Unobserved("rdap", "timed out after 5 s"), new Unobserved("dns.ns.child", "SERVFAIL")],
        };

        var report = TestCatalog.Attributor.Attribute(observations);

        Assert.Contains(Layer(report, Model.Layer.Registration).Unobserved, u => u.Reason == "timed out after 5 s");
        Assert.Contains(Layer(report, Model.Layer.Dns).Unobserved, u => u.Reason == "SERVFAIL");
        Assert.Contains(Layer(report, Model.Layer.Page).Unobserved, u => u.What == "page");
    }

    [Fact]
    public void Every_unobserved_item_appears_in_some_layer()
    {
        var observations = new SiteObservations
        {
            Domain = "gaps.com",
            Unobserved = [new Unobserved("host.apex.a", "SERVFAIL"), new Unobserved("tls.gaps.com", "handshake failed"), new Unobserved("mail.mx", "timed out"), new Unobserved("something.new", "odd")],
        };

        var report = TestCatalog.Attributor.Attribute(observations);
        var shown = report.Layers.SelectMany(l => l.Unobserved).ToList();

        foreach (var item in observations.Unobserved)
        {
            Assert.Contains(shown, u => u.What == item.What && u.Reason == item.Reason);
        }

        Assert.Contains(Layer(report, Model.Layer.Hosting).Unobserved, u => u.What == "host.apex.a");
    }
}
