using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;

namespace Chokepoint.Analysis.Tests.Modeling;

/// <summary>Completeness before grades: coverage per layer and function, state banners, and when a grade is withheld.</summary>
public sealed class CoverageAndStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static Dependency Dep(string company, string service, DependencyFacts? facts = null, string? provider = null) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", null),
        Service = Vocabulary.Parse<ServiceKind>(service),
        Provider = provider,
        Classification = Classification.ThirdParty,
        Facts = facts,
        Evidence = [new Evidence(service == "dns" ? "ns" : "test", company)],
    };

    /// <summary>The facts of a DNS operator whose delegation was answered (the TLD gave its TTL).</summary>
    private static readonly DependencyFacts Answered = new() { Delegation = new DelegationFacts { ParentNsTtl = 172800 } };

    private static UnobservedItem Gap(string subject, string reason, string kind = "timeout") => new(subject, reason) { Kind = kind, Subject = subject };

    private static AuditReport With(AuditReport report, Layer layer, params UnobservedItem[] gaps) => report with
    {
        Layers = report.Layers.Select(l => l.Layer == layer ? l with { Unobserved = [.. l.Unobserved, .. gaps] } : l).ToList(),
    };

    /// <summary>Registry, registrar, two DNS operators, a CDN over two hosts, two CAs: graded D (the CDN alone breaks the web site).</summary>
    private static AuditReport Full(RegistrarFacts? registrar = null) => Report(
        (Layer.Registration, Dep("verisign", "registry", provider: "Verisign")),
        (Layer.Registration, Dep("godaddy", "registrar", new DependencyFacts { Registrar = registrar ?? new RegistrarFacts { StatusCodes = ["client transfer prohibited"] } }, "GoDaddy")),
        (Layer.Dns, Dep("ns1", "dns", Answered)),
        (Layer.Dns, Dep("amazon", "dns", Answered)),
        (Layer.Cdn, Dep("fastly", "cdn")),
        (Layer.Hosting, Dep("hetzner", "hosting")),
        (Layer.Hosting, Dep("ovh", "hosting")),
        (Layer.Tls, Dep("isrg", "ca")),
        (Layer.Tls, Dep("digicert", "ca"))) with { CollectedAt = Now };

    [Fact]
    public void A_complete_report_is_graded_and_every_layer_and_function_is_observed()
    {
        var completed = ReportAnalyzer.Default.Complete(Full());

        Assert.NotNull(completed.Grade);
        Assert.Null(completed.GradeBound);
        Assert.True(completed.Complete);
        Assert.Empty(completed.Status);
        Assert.All(completed.Layers, l => Assert.Equal(Coverage.Observed, l.Coverage));
        Assert.All(completed.Functions, f => Assert.Equal(Coverage.Observed, f.Coverage));
    }

    /// <summary>Regression: a web host lookup that timed out dropped the web function, and the grade improved.</summary>
    [Fact]
    public void A_web_site_that_was_not_seen_is_not_graded_and_never_better_than_what_was_seen()
    {
        var full = ReportAnalyzer.Default.Complete(Full());
        var blind = Full() with
        {
            Layers = Full().Layers.Select(l => l.Layer is Layer.Cdn or Layer.Hosting or Layer.Tls ? l with { Dependencies = [] } : l).ToList(),
        };
        blind = With(blind, Layer.Hosting, Gap("host.www", "www.example.org: timed out after 3 s"));

        var completed = ReportAnalyzer.Default.Complete(blind);

        Assert.True(completed.Grade is null, $"{completed.Grade}: {completed.GradeExplanation}; " + string.Join(", ", completed.Functions.Select(f => $"{f.Id} {f.Coverage}")));
        Assert.False(completed.Complete);
        var web = completed.Functions.Single(f => f.Id == SiteModelBuilder.WebServed);
        Assert.Equal(Coverage.NotObserved, web.Coverage);
        Assert.Contains("host.www: www.example.org: timed out after 3 s", web.Gaps);
        Assert.Equal(Coverage.NotObserved, completed.Layers.Single(l => l.Layer == Layer.Hosting).Coverage);
        Assert.StartsWith("not graded: the web hosting was not observed: www.example.org: timed out after 3 s", completed.GradeExplanation, StringComparison.Ordinal);
        // What was seen (two DNS operators: a pair breaks the name) bounds it: B or worse; the complete audit is D.
        Assert.Equal("B", completed.GradeBound);
        Assert.EndsWith("from what was seen: B or worse", completed.GradeExplanation, StringComparison.Ordinal);
        Assert.Equal("D", full.Grade);
    }

    [Fact]
    public void A_partly_seen_critical_function_gives_the_seen_grade_as_a_bound()
    {
        var report = With(Full(), Layer.Hosting, Gap("asn", "the IP-to-ASN data could not be read", "not-collected"));

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Null(completed.Grade);
        Assert.Equal("D", completed.GradeBound);
        Assert.EndsWith("from what was seen: D or worse", completed.GradeExplanation, StringComparison.Ordinal);
        Assert.Equal(Coverage.PartlyObserved, completed.Layers.Single(l => l.Layer == Layer.Hosting).Coverage);
        Assert.Equal(Coverage.PartlyObserved, completed.Functions.Single(f => f.Id == SiteModelBuilder.HttpsTrusted).Coverage);
    }

    [Fact]
    public void An_unseen_high_function_cannot_move_a_grade_set_by_critical_ones()
    {
        // D is fixed by the CDN: a revenue path (high) that was not seen can only add high single points.
        var report = With(Full(), Layer.Page, Gap("page", "https://example.org/: timed out", "timeout"));

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Equal("D", completed.Grade);
        Assert.True(completed.Complete);
        var revenue = completed.Functions.Single(f => f.Id == FunctionCoverage.Revenue);
        Assert.Equal(Coverage.NotObserved, revenue.Coverage);
        Assert.Empty(revenue.SinglePoints);
    }

    [Fact]
    public void A_gap_that_can_only_hide_an_alternative_does_not_withhold_the_grade()
    {
        var report = With(Full(), Layer.Tls, Gap("dns.caa", "SERVFAIL", "serv-fail"));

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Equal("D", completed.Grade);
        Assert.Equal(Coverage.PartlyObserved, completed.Layers.Single(l => l.Layer == Layer.Tls).Coverage);
    }

    [Fact]
    public void What_the_outside_view_can_never_see_is_named_but_not_a_lost_probe()
    {
        var report = With(Full(), Layer.Hosting, new UnobservedItem("hosting.origin", "the origin is hidden behind Fastly; only the edge was seen"));

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Equal("D", completed.Grade);
        Assert.Equal(Coverage.Observed, completed.Layers.Single(l => l.Layer == Layer.Hosting).Coverage);
    }

    /// <summary>A third-party host's CDN not seen (its probe timed out, or the probe limit was reached) hides no supplier of the site's functions.</summary>
    [Fact]
    public void A_third_party_hosts_cdn_not_seen_is_named_but_lowers_no_coverage()
    {
        var report = With(Full(), Layer.Page,
            new UnobservedItem("page.probe.cdn.widgets.example", "timed out after 5 s") { Kind = "timeout", Subject = "page.probe", Target = "cdn.widgets.example" },
            new UnobservedItem("page.probe", "probe limit: the CDN of 18 more third-party hosts was not looked for") { Kind = "bounded", Subject = "page.probe" });

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Equal("D", completed.Grade);
        Assert.True(completed.Complete);
        Assert.Equal(2, completed.Layers.Single(l => l.Layer == Layer.Page).Unobserved.Count);
        Assert.All(completed.Layers, l => Assert.Equal(Coverage.Observed, l.Coverage));
        Assert.All(completed.Functions, f => Assert.Equal(Coverage.Observed, f.Coverage));
    }

    [Theory]
    [InlineData("client hold", "on-hold", "the registrar GoDaddy", "GoDaddy")]
    [InlineData("server hold", "on-hold", "the registry Verisign", "Verisign")]
    [InlineData("redemption period", "redemption", null, "GoDaddy")]
    [InlineData("pending delete", "pending-delete", null, "Verisign")]
    public void A_registration_state_that_takes_the_site_offline_is_a_banner_and_withholds_the_grade(string status, string kind, string? setBy, string by)
    {
        var report = Full(new RegistrarFacts { StatusCodes = [status], OnHold = status.EndsWith("hold", StringComparison.Ordinal), AbuseEmail = "abuse@godaddy.example" });

        var completed = ReportAnalyzer.Default.Complete(report);

        var state = Assert.Single(completed.Status);
        Assert.Equal(kind, state.Kind.ToWord());
        Assert.Equal(by, state.By);
        if (setBy is not null)
        {
            Assert.Contains($"set by {setBy}", state.Text, StringComparison.Ordinal);
        }

        Assert.Null(completed.Grade);
        Assert.False(completed.Complete);
        Assert.StartsWith("not graded: the domain ", completed.GradeExplanation, StringComparison.Ordinal);
        Assert.Equal(status == "client hold" ? "abuse@godaddy.example" : status == "redemption period" ? "abuse@godaddy.example" : null, state.Contact);
    }

    [Fact]
    public void An_expired_registration_is_a_banner_but_the_grade_stands()
    {
        var report = Full(new RegistrarFacts { StatusCodes = ["ok"], Expires = Now.AddDays(-3) });

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Equal(SiteStateKind.Expired, Assert.Single(completed.Status).Kind);
        Assert.Contains("expired on 2026-11-28", completed.Status[0].Text, StringComparison.Ordinal);
        Assert.Equal("D", completed.Grade);
    }

    [Fact]
    public void A_domain_the_registry_does_not_know_does_not_exist()
    {
        var report = Report((Layer.Registration, Dep("verisign", "registry", provider: "Verisign"))) with { CollectedAt = Now };
        report = report with
        {
            Layers = report.Layers.Select(l => l.Layer switch
            {
                Layer.Dns => l with { Absent = [new AbsentItem("dns.ns.parent", "nowhere.example", "nowhere.example is not delegated (NXDOMAIN)")] },
                Layer.Registration => l with { Absent = [new AbsentItem("rdap", "nowhere.example", "the registry's RDAP service has no record of nowhere.example")] },
                _ => l,
            }).ToList(),
        };

        var completed = ReportAnalyzer.Default.Complete(report);

        var state = Assert.Single(completed.Status);
        Assert.Equal(SiteStateKind.DoesNotExist, state.Kind);
        Assert.Contains("answers NXDOMAIN and its RDAP service has no record of it", state.Text, StringComparison.Ordinal);
        Assert.Null(completed.Grade);
        Assert.Equal("not graded: the domain does not exist", completed.GradeExplanation);
    }

    [Fact]
    public void Nothing_answered_is_a_resolver_silent_banner()
    {
        var report = Report((Layer.Registration, Dep("verisign", "registry"))) with { CollectedAt = Now };
        report = With(report, Layer.Dns, Gap("dns.ns.parent", "timed out after 3 s"), Gap("dns.soa", "timed out after 3 s"));
        report = With(report, Layer.Hosting, Gap("host.apex", "example.org: timed out after 3 s"));

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Contains(completed.Status, s => s.Kind == SiteStateKind.ResolverSilent);
        Assert.Null(completed.Grade);
        Assert.Equal("not graded: DNS was not observed: no query was answered", completed.GradeExplanation);
    }

    [Fact]
    public void A_budget_cut_is_a_banner_and_an_incomplete_result()
    {
        var report = With(Full(), Layer.Mail, Gap("mail.mx", "the time budget of 30 s was spent", "budget-spent"));

        var completed = ReportAnalyzer.Default.Complete(report);

        var state = Assert.Single(completed.Status);
        Assert.Equal(SiteStateKind.BudgetCut, state.Kind);
        Assert.Contains("1 probe did not finish (mail.mx)", state.Text, StringComparison.Ordinal);
        Assert.False(completed.Complete);
    }
}
