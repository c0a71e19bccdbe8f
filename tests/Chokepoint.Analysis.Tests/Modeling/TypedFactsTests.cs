using System.Text.Json;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;

namespace Chokepoint.Analysis.Tests.Modeling;

/// <summary>The model reads the attribution's typed facts, never words.</summary>
public sealed class TypedFactsTests
{
    private static Dependency Dep(string company, ServiceKind service, DependencyFacts? facts = null) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", null),
        Service = service,
        Classification = Classification.ThirdParty,
        Facts = facts,
        Evidence = [new Evidence("test", company)],
    };

    private static (Layer, Dependency)[] Base() =>
    [
        (Layer.Registration, Dep("verisign", ServiceKind.Registry)),
        (Layer.Registration, Dep("gandi", ServiceKind.Registrar)),
        (Layer.Dns, Dep("ns1", ServiceKind.Dns)),
        (Layer.Hosting, Dep("hetzner", ServiceKind.Hosting)),
    ];

    private static DependencyFacts Loads(ResourceKind kind, bool blocking) => new()
    {
        PageUses = [new PageUse { Url = "https://widgets.example/w.js", Host = "widgets.example", Kind = kind, Blocking = blocking }],
    };

    [Theory]
    [InlineData(ResourceKind.Script, true, true)]
    [InlineData(ResourceKind.Script, false, false)]
    [InlineData(ResourceKind.Stylesheet, true, false)]
    public void Only_a_blocking_script_is_a_single_point_of_page_rendering(ResourceKind kind, bool blocking, bool singlePoint)
    {
        var report = ReportAnalyzer.Default.Complete(Report([.. Base(), (Layer.Page, Dep("widgets", ServiceKind.ScriptCdn, Loads(kind, blocking)))]));

        var scripts = report.Functions.SingleOrDefault(f => f.Id == SiteModelBuilder.PageScripts);
        Assert.Equal(singlePoint, scripts?.SinglePoints.Contains("widgets") == true);
    }

    [Fact]
    public void An_unobserved_caa_set_is_not_a_caa_that_allows_another_ca()
    {
        var notObserved = Report([.. Base(), (Layer.Tls, Dep("isrg", ServiceKind.Ca, new DependencyFacts { Caa = CaaFacts.NotObserved }))]);
        var nonePublished = Report([.. Base(), (Layer.Tls, Dep("isrg", ServiceKind.Ca, new DependencyFacts { Caa = new CaaFacts { Observed = true } }))]);
        var one = Report([.. Base(), (Layer.Tls, Dep("isrg", ServiceKind.Ca, new DependencyFacts { Caa = new CaaFacts { Observed = true, Issuers = ["letsencrypt.org"] } }))]);
        var two = Report([.. Base(), (Layer.Tls, Dep("isrg", ServiceKind.Ca, new DependencyFacts { Caa = new CaaFacts { Observed = true, Issuers = ["letsencrypt.org", "pki.goog"] } }))]);

        Assert.Null(RecoveryFactsReader.Read(notObserved).CaaAllowsAnotherCa);
        Assert.True(RecoveryFactsReader.Read(nonePublished).CaaAllowsAnotherCa);
        Assert.False(RecoveryFactsReader.Read(one).CaaAllowsAnotherCa);
        Assert.True(RecoveryFactsReader.Read(two).CaaAllowsAnotherCa);
    }

    [Fact]
    public void Registrar_dns_and_certificate_facts_feed_recovery()
    {
        var collected = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var registrar = new DependencyFacts
        {
            Registrar = new RegistrarFacts { StatusCodes = ["client transfer prohibited", "client update prohibited"], TransferLocked = true, LastChanged = collected.AddDays(-12) },
        };
        var dns = new DependencyFacts { Delegation = new DelegationFacts { ParentNsTtl = 86400 } };
        var certificate = new CertificateFacts
        {
            Host = "site.example", Issuer = "R11", NotBefore = collected, NotAfter = collected.AddDays(200), ValidityDays = 200,
            Automation = new IssuanceAutomation(false, AutomationReason.LongValidity),
        };
        var report = Report(
            (Layer.Registration, Dep("gandi", ServiceKind.Registrar, registrar)),
            (Layer.Dns, Dep("ns1", ServiceKind.Dns, dns)),
            (Layer.Tls, Dep("digicert", ServiceKind.Ca, new DependencyFacts { Certificates = [certificate] })));

        var facts = RecoveryFactsReader.Read(report);

        Assert.Equal(["client transfer prohibited", "client update prohibited"], facts.RegistrarStatusCodes);
        Assert.Equal(12, facts.DaysSinceLastRegistrarChange);
        Assert.Equal(TimeSpan.FromDays(1), facts.ParentNsTtl);
        Assert.False(facts.AcmeAutomated);
    }

    [Fact]
    public void Complete_leaves_the_attributed_report_unchanged()
    {
        var report = Report([.. Base(), (Layer.Cdn, Dep("fastly", ServiceKind.Cdn)), (Layer.Page, Dep("widgets", ServiceKind.ScriptCdn, Loads(ResourceKind.Script, true)))]);
        var before = JsonSerializer.Serialize(report);

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.NotEmpty(completed.Chokepoints);
        Assert.Empty(report.Chokepoints);
        Assert.Empty(report.Functions);
        Assert.Null(report.Grade);
        Assert.Equal(before, JsonSerializer.Serialize(report));
    }
}
