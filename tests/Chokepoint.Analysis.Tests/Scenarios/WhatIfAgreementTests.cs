using Chokepoint.Analysis.Modeling;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using static Chokepoint.Analysis.Model.Requirement;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;
using static Chokepoint.Analysis.Tests.Sites;

namespace Chokepoint.Analysis.Tests.Scenarios;

/// <summary>The what-if says what the report says: the same function model, each explanation and recovery once.</summary>
public sealed class WhatIfAgreementTests
{
    private static Dependency Dep(string company, ServiceKind service, string? parent = null, string? provider = null) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", parent),
        Owner = parent is null ? null : new EntityRef(parent, parent + " Corp.", null),
        Service = service,
        Provider = provider,
        Classification = Classification.ThirdParty,
        Evidence = [new Evidence("test", company)],
    };

    /// <summary>A news site paid through AdSense and the other ad systems of its ads.txt, on Fastly.</summary>
    private static AuditReport NewsSite() => Report(
        (Layer.Registration, Dep("verisign", ServiceKind.Registry)),
        (Layer.Registration, Dep("godaddy", ServiceKind.Registrar)),
        (Layer.Dns, Dep("godaddy", ServiceKind.Dns)),
        (Layer.Cdn, Dep("fastly", ServiceKind.Cdn)),
        (Layer.Money, Dep("google", ServiceKind.Ads, "alphabet", "Google AdSense")),
        (Layer.Money, Dep("google", ServiceKind.AdExchange, "alphabet", "Google Ad Manager")),
        (Layer.Money, Dep("magnite", ServiceKind.AdExchange, provider: "Magnite")),
        (Layer.Money, Dep("pubmatic", ServiceKind.AdExchange, provider: "PubMatic")));

    [Fact]
    public void Ad_revenue_with_other_earning_ad_systems_degrades_when_one_is_dropped_and_the_report_agrees()
    {
        var report = ReportAnalyzer.Default.Complete(NewsSite());
        var model = SiteModelBuilder.Build(report);

        var ads = WhatIf.Evaluate(model, new HashSet<string> { "alphabet" }).For("revenue:ads")!;

        Assert.Equal(OutcomeKind.Degrades, ads.Outcome);
        Assert.Contains("still served by magnite Inc. ad-exchange (Magnite); pubmatic Inc. ad-exchange (PubMatic)", ads.Path[0], StringComparison.Ordinal);
        Assert.DoesNotContain(report.Chokepoints, c => c.Entity.Id == "alphabet");
        Assert.Empty(report.Functions.Single(f => f.Id == "revenue:ads").SinglePoints.Except(["fastly", "godaddy", "verisign"]));
    }

    [Fact]
    public void Every_ad_system_lost_fails_ad_revenue_and_its_recovery_counts_the_paths_still_earning()
    {
        var report = ReportAnalyzer.Default.Complete(NewsSite());
        var model = SiteModelBuilder.Build(report);

        var whatIf = WhatIfReport.Evaluate(model, new HashSet<string> { "alphabet", "magnite", "pubmatic" }, RecoveryFactsReader.Read(report));

        Assert.Equal(OutcomeKind.Fails, whatIf.Result.For("revenue:ads")!.Outcome);
        var recovery = whatIf.RecoveryOf("revenue:ads")!;
        Assert.Single(recovery.CompanyIds);
        var replacement = Assert.Single(whatIf.Recoveries);
        Assert.Contains(replacement.Time.Assumptions, a => a.Contains("no other revenue path: income stops", StringComparison.Ordinal));
    }

    [Fact]
    public void A_company_the_site_does_not_use_changes_nothing_and_says_so()
    {
        var whatIf = WhatIfReport.Evaluate(Typical(), new HashSet<string> { "akamai" }, new RecoveryFacts());

        Assert.True(whatIf.Result.NothingChanges);
        Assert.Equal("akamai is not among this site's suppliers; nothing changes", whatIf.Result.Dropped.Single().NothingChanges);
        Assert.Empty(whatIf.Recoveries);
        Assert.All(whatIf.Result.Functions, f => Assert.Equal(OutcomeKind.Unaffected, f.Outcome));
    }

    [Fact]
    public void A_company_some_function_needs_is_not_reported_as_changing_nothing()
    {
        var whatIf = WhatIfReport.Evaluate(Typical(), new HashSet<string> { "akamai", "paypal" }, new RecoveryFacts());

        Assert.False(whatIf.Result.NothingChanges);
        Assert.Equal(SupplierStanding.InFunctions, whatIf.Result.Dropped.Single(d => d.CompanyId == "paypal").Standing);
        Assert.Null(whatIf.Result.Dropped.Single(d => d.CompanyId == "paypal").NothingChanges);
    }

    [Fact]
    public void Each_replacement_is_described_once_for_every_function_it_restores()
    {
        // Cloudflare's DNS breaks the name, and through it the pages and mail; its CDN breaks the pages and HTTPS.
        var whatIf = WhatIfReport.Evaluate(Typical(), new HashSet<string> { "cloudflare" }, new RecoveryFacts());

        var failing = whatIf.Result.Functions.Where(f => f.Outcome == OutcomeKind.Fails).Select(f => f.FunctionId).ToList();
        Assert.Equal(["name-resolves", "web-served", "https-trusted", "mail-received"], failing);
        Assert.Equal(["dns", "cdn"], whatIf.Recoveries.Select(r => r.Role));
        Assert.Equal(["name-resolves", "web-served", "mail-received"], whatIf.Recoveries[0].FunctionIds);
        Assert.Equal(["web-served", "https-trusted"], whatIf.Recoveries[1].FunctionIds);
        Assert.Equal(["r1", "r2"], whatIf.RecoveryOf("web-served")!.RecoveryIds);
        Assert.Equal(["r1"], whatIf.RecoveryOf("mail-received")!.RecoveryIds);
        var steps = whatIf.Recoveries.SelectMany(r => r.Time.Steps).Select(step => step.Text).ToList();
        Assert.Equal(steps.Distinct(StringComparer.Ordinal).Count(), steps.Count);
    }

    [Fact]
    public void A_function_recovery_spans_the_same_range_as_the_reports_estimate_for_that_company()
    {
        var model = Typical();
        var whatIf = WhatIfReport.Evaluate(model, new HashSet<string> { "cloudflare" }, new RecoveryFacts());

        var web = whatIf.RecoveryOf("web-served")!;
        var expected = RecoveryEstimator.Estimate("cloudflare", model.Functions.Single(f => f.Id == "web-served"), new RecoveryFacts());
        Assert.Equal((expected.Low, expected.High), (web.Low, web.High));
    }

    [Fact]
    public void Of_two_dropped_alternatives_replacing_one_restores_the_function()
    {
        var whatIf = WhatIfReport.Evaluate(Typical(), new HashSet<string> { "paypal", "stripe" }, new RecoveryFacts());

        var recovery = whatIf.RecoveryOf("revenue:payments")!;
        Assert.Single(recovery.CompanyIds);
    }

    [Fact]
    public void A_function_nested_in_another_is_explained_once_and_referred_to_by_name()
    {
        var name = All(Needs(Verisign), Needs(GoDaddyRegistrar), Any(Needs(CloudflareDns), Needs(Route53)));
        var model = new Analysis.Model.SiteModel("example.org",
        [
            Function("name-resolves", Importance.Critical, name),
            Function("web-served", Importance.Critical, All(name, Needs(Fastly))),
        ]);

        var result = WhatIf.Evaluate(model, new HashSet<string> { "amazon" });

        Assert.Equal(OutcomeKind.Degrades, result.For("web-served")!.Outcome);
        Assert.Equal(["\"name-resolves\" degrades (explained above)"], result.For("web-served")!.Path);
        Assert.StartsWith("lost 1 of 2 alternatives", result.For("name-resolves")!.Path[0], StringComparison.Ordinal);
    }
}
