using Chokepoint.Analysis.Modeling;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;

namespace Chokepoint.Analysis.Tests.Modeling;

/// <summary>Indirect dependencies taken from a report's <c>dependsOn</c>: the model nests them and the analysis finds them.</summary>
public sealed class IndirectDependencyTests
{
    private static Dependency Dep(string company, string service, string? zone = null, params Dependency[] dependsOn) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", null),
        Service = Vocabulary.Parse<ServiceKind>(service),
        Provider = company + " " + service,
        Classification = Classification.ThirdParty,
        Facts = zone is null ? null : new DependencyFacts { Upstream = new UpstreamFacts { Zone = zone } },
        Evidence = [new Evidence("test", company)],
        DependsOn = [.. dependsOn],
    };

    private static (Layer, Dependency)[] Base() =>
    [
        (Layer.Registration, Dep("verisign", "registry")),
        (Layer.Registration, Dep("gandi", "registrar")),
        (Layer.Dns, Dep("ns1", "dns")),
        (Layer.Dns, Dep("amazon", "dns")),
        (Layer.Hosting, Dep("hetzner", "hosting")),
    ];

    private static FunctionReport Function(AuditReport report, string id) => report.Functions.Single(f => f.Id == id);

    [Fact]
    public void A_cdn_whose_own_dns_is_at_one_other_company_makes_that_company_a_single_point_for_the_web()
    {
        var cdn = Dep("fastly", "cdn", null, Dep("dyn", "dns", "fastly.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Cdn, cdn)]));

        var web = Function(report, SiteModelBuilder.WebServed);
        Assert.Contains("dyn", web.SinglePoints);
        Assert.Contains("fastly", web.SinglePoints);
        Assert.DoesNotContain("dyn", Function(report, SiteModelBuilder.NameResolves).SinglePoints);
        var dyn = report.Chokepoints.Single(c => c.Entity.Id == "dyn");
        Assert.Equal(Severity.Critical, dyn.Severity);
        Assert.Contains(dyn.Indirect, line => line.Contains("zone fastly.example", StringComparison.Ordinal) && line.Contains("fastly", StringComparison.Ordinal));
        Assert.Contains(dyn.TimeToRecover!.Assumptions, a => a.Contains("not the site", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cdn_zone_at_two_dns_companies_gives_a_pair_and_no_single_point()
    {
        var cdn = Dep("shopify", "cdn", null, Dep("ns1", "dns", "myshop.example"), Dep("dnsimple", "dns", "myshop.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Cdn, cdn)]));

        var web = Function(report, SiteModelBuilder.WebServed);
        Assert.DoesNotContain("dnsimple", web.SinglePoints);
        Assert.DoesNotContain("ns1", web.SinglePoints);
        Assert.Contains(web.Pairs, pair => pair.Contains("dnsimple") && pair.Contains("ns1"));
    }

    [Fact]
    public void Zones_of_different_names_are_all_needed()
    {
        var cdn = Dep("akamai", "cdn", null, Dep("ns1", "dns", "edge.example"), Dep("dnsimple", "dns", "edge2.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Cdn, cdn)]));

        var web = Function(report, SiteModelBuilder.WebServed);
        Assert.Contains("dnsimple", web.SinglePoints);
    }

    [Fact]
    public void A_provider_running_its_own_dns_adds_no_new_company()
    {
        var cdn = Dep("fastly", "cdn", null, Dep("fastly", "dns", "fastly.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Cdn, cdn)]));

        var fastly = report.Chokepoints.Single(c => c.Entity.Id == "fastly");
        Assert.Equal(["cdn"], fastly.Services);
        Assert.Empty(fastly.Indirect);
    }

    [Fact]
    public void The_dns_of_a_mail_providers_exchanger_zone_can_break_mail_received()
    {
        var mail = Dep("fastmail", "mail", null, Dep("dyn", "dns", "messagingengine.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Mail, mail)]));

        Assert.Contains("dyn", Function(report, SiteModelBuilder.MailReceived).SinglePoints);
        Assert.Equal(Severity.High, report.Chokepoints.Single(c => c.Entity.Id == "dyn").Severity);
    }

    [Fact]
    public void An_ocsp_responder_behind_a_cdn_breaks_certificate_status_but_not_https_trust()
    {
        var ca = Dep("digicert", "ca", null, Dep("edgio", "cdn"), Dep("digicert", "dns", "digicert.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Tls, ca)]));

        Assert.DoesNotContain("edgio", Function(report, SiteModelBuilder.HttpsTrusted).SinglePoints);
        var status = Function(report, SiteModelBuilder.CertificateStatus);
        Assert.Contains("edgio", status.SinglePoints);
        Assert.Contains("digicert", status.SinglePoints);
        Assert.Equal(Severity.Low, report.Chokepoints.Single(c => c.Entity.Id == "edgio").Severity);
    }

    [Fact]
    public void A_ca_without_an_observed_responder_has_no_certificate_status_function()
    {
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Tls, Dep("isrg", "ca"))]));

        Assert.DoesNotContain(report.Functions, f => f.Id == SiteModelBuilder.CertificateStatus);
    }

    [Fact]
    public void Recovery_from_an_indirect_supplier_is_moving_off_the_provider_that_relies_on_it()
    {
        var cdn = Dep("fastly", "cdn", null, Dep("dyn", "dns", "fastly.example"));
        var model = SiteModelBuilder.Build(Report([.. Base(), (Layer.Cdn, cdn)]));
        var web = model.Functions.Single(f => f.Id == SiteModelBuilder.WebServed);
        var facts = new RecoveryFacts { OriginReachableDirectly = true, RecordTtl = TimeSpan.FromMinutes(5) };

        var viaDyn = RecoveryEstimator.Estimate("dyn", web, facts);
        var viaFastly = RecoveryEstimator.Estimate("fastly", web, facts);

        Assert.Equal(viaFastly.Low, viaDyn.Low);
        Assert.Equal(viaFastly.High, viaDyn.High);
        Assert.Contains(viaDyn.Steps, s => s.Text.Contains("origin directly", StringComparison.Ordinal));
    }

    [Fact]
    public void A_company_that_is_registrar_and_dns_host_transfers_the_name_once()
    {
        var report = Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("cloudflare", "registrar")),
            (Layer.Dns, Dep("cloudflare", "dns")));
        var model = SiteModelBuilder.Build(report);
        var name = model.Functions.Single(f => f.Id == SiteModelBuilder.NameResolves);
        var facts = RecoveryFactsReader.Read(report);

        var ttr = RecoveryEstimator.Estimate("cloudflare", name, facts);
        var registrarOnly = RecoveryEstimator.Estimate(name.Requirement.Suppliers().Single(s => s.Service == "registrar"), name, facts);

        var transferSteps = ttr.Steps.Count(s => s.Text.Contains("authorization code", StringComparison.OrdinalIgnoreCase));
        var oneTransfer = registrarOnly.Steps.Count(s => s.Text.Contains("authorization code", StringComparison.OrdinalIgnoreCase));
        Assert.True(oneTransfer > 0);
        Assert.Equal(oneTransfer, transferSteps);
        Assert.Contains(ttr.Assumptions, a => a.Contains("also the registrar", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hosting", true)]
    [InlineData("ecommerce", false)]
    public void Only_a_host_seen_outside_the_cdn_counts_as_a_reachable_origin(string hostingService, bool reachable)
    {
        var report = Report([.. Base().Where(d => d.Item1 != Layer.Hosting), (Layer.Hosting, Dep("platform", hostingService)), (Layer.Cdn, Dep("cloudflare", "cdn"))]);
        report = report with
        {
            Layers = [.. report.Layers.Select(l => l.Layer != Layer.Hosting ? l : l with { Unobserved = [new UnobservedItem("hosting.origin", "the origin is hidden behind the CDN")] })],
        };

        Assert.Equal(reachable, RecoveryFactsReader.Read(report).OriginReachableDirectly);
    }

    [Fact]
    public void Two_roles_behind_one_provider_recover_as_one_track()
    {
        var ca = Dep("digicert", "ca", null, Dep("edgio", "cdn"), Dep("edgio", "dns", "edge.example"));
        var model = SiteModelBuilder.Build(Report([.. Base(), (Layer.Tls, ca)]));
        var status = model.Functions.Single(f => f.Id == SiteModelBuilder.CertificateStatus);

        var edgio = RecoveryEstimator.Estimate("edgio", status, RecoveryFacts.Unknown);
        var digicert = RecoveryEstimator.Estimate("digicert", status, RecoveryFacts.Unknown);

        Assert.Equal(digicert.High, edgio.High);
        Assert.Equal(digicert.Low, edgio.Low);
    }

    [Fact]
    public void A_ca_whose_responder_runs_only_on_its_own_infrastructure_adds_no_certificate_status_function()
    {
        var ca = Dep("digicert", "ca", null, Dep("digicert", "dns", "digicert.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Tls, ca)]));

        Assert.DoesNotContain(report.Functions, f => f.Id == SiteModelBuilder.CertificateStatus);
    }

    [Fact]
    public void A_shop_platform_at_the_hosting_layer_serves_the_pages()
    {
        var platform = Dep("shopify", "ecommerce", null, Dep("ns1", "dns", "myshop.example"), Dep("dnsimple", "dns", "myshop.example"));
        var report = ReportAnalyzer.Default.Complete(Report([.. Base().Where(d => d.Item1 != Layer.Hosting), (Layer.Hosting, platform)]));

        var web = Function(report, SiteModelBuilder.WebServed);
        Assert.Contains("shopify", web.SinglePoints);
        Assert.Contains(web.Pairs, pair => pair.Contains("dnsimple") && pair.Contains("ns1"));
    }
}
