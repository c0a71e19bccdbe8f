using Chokepoint.Analysis.Modeling;
using Chokepoint.Model;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;

namespace Chokepoint.Analysis.Tests.Modeling;

public sealed class ReportAnalyzerTests
{
    private static Dependency Dep(string company, string service, string? parent = null, DependencyFacts? facts = null) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", parent),
        Owner = parent is null ? null : new EntityRef(parent, parent + " Corp.", null),
        Service = Vocabulary.Parse<ServiceKind>(service),
        Classification = Classification.ThirdParty,
        Facts = facts,
        Evidence = [new Evidence("test", company)],
    };

    [Fact]
    public void One_company_running_registrar_dns_and_cdn_alone_breaks_name_web_and_https()
    {
        var report = Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("cloudflare", "registrar", facts: new() { Registrar = new RegistrarFacts { StatusCodes = ["client transfer prohibited"], TransferLocked = true } })),
            (Layer.Dns, Dep("cloudflare", "dns", facts: new() { Delegation = new DelegationFacts { ParentNsTtl = 172800 } })),
            (Layer.Cdn, Dep("cloudflare", "cdn")),
            (Layer.Tls, Dep("google", "ca", "alphabet")));

        var completed = ReportAnalyzer.Default.Complete(report);

        var cloudflare = completed.Chokepoints.Single(c => c.Entity.Id == "cloudflare");
        Assert.Contains(SiteModelBuilder.NameResolves, cloudflare.Functions);
        Assert.Contains(SiteModelBuilder.WebServed, cloudflare.Functions);
        Assert.Contains(SiteModelBuilder.HttpsTrusted, cloudflare.Functions);
        Assert.Equal(Severity.Critical, cloudflare.Severity);
        Assert.NotNull(cloudflare.TimeToRecover);
        Assert.True(cloudflare.TimeToRecover!.High >= cloudflare.TimeToRecover.Low);
        Assert.NotEmpty(cloudflare.TimeToRecover.Steps);
        Assert.Contains(completed.Chokepoints, c => c.Entity.Id == "alphabet" && c.Functions.SequenceEqual([SiteModelBuilder.HttpsTrusted]));
        Assert.Contains(cloudflare.History, line => line.Contains("Daily Stormer", StringComparison.Ordinal));
        Assert.NotNull(completed.Grade);
        Assert.Contains("cloudflare", completed.GradeExplanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_registry_and_a_registrar_only_registrar_are_inherent_and_a_cdn_is_not()
    {
        var report = Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("gandi", "registrar")),
            (Layer.Dns, Dep("amazon", "dns")),
            (Layer.Cdn, Dep("fastly", "cdn")));

        var completed = ReportAnalyzer.Default.Complete(report);

        var registry = completed.Chokepoints.Single(c => c.Entity.Id == "verisign");
        Assert.True(registry.Inherent);
        Assert.Equal("every .example name has one registry", registry.InherentReason);
        var registrar = completed.Chokepoints.Single(c => c.Entity.Id == "gandi");
        Assert.True(registrar.Inherent);
        Assert.Equal("a name has one registrar at a time, changed only by a transfer", registrar.InherentReason);
        var cdn = completed.Chokepoints.Single(c => c.Entity.Id == "fastly");
        Assert.False(cdn.Inherent);
        Assert.Null(cdn.InherentReason);
        Assert.False(completed.Chokepoints.Single(c => c.Entity.Id == "amazon").Inherent);
    }

    /// <summary>
    /// Regression: an audit whose every DNS query timed out was graded A (only the registry was seen, and it is not
    /// counted), a grade for what was not seen.
    /// </summary>
    [Fact]
    public void The_grade_is_withheld_when_the_dns_was_not_observed()
    {
        var report = Report((Layer.Registration, Dep("pir", "registry")), (Layer.Cdn, Dep("fastly", "cdn")));
        report = report with
        {
            Layers = report.Layers.Select(layer => layer.Layer == Layer.Dns
                ? layer with { Unobserved = [new UnobservedItem("dns.ns.child", "timed out after 3 s") { Kind = "timeout" }] }
                : layer).ToList(),
        };

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Null(completed.Grade);
        // Fastly alone breaks the web site from what was seen: the truth is D or worse (unseen DNS can only add).
        Assert.Equal("not graded: DNS was not observed: timed out after 3 s; from what was seen: D or worse", completed.GradeExplanation);
        Assert.Equal("D", completed.GradeBound);
        Assert.False(completed.Complete);
        Assert.NotEmpty(completed.Chokepoints);
    }

    [Fact]
    public void The_grade_stands_when_the_dns_was_seen_even_if_part_of_it_was_not()
    {
        var report = Report((Layer.Registration, Dep("pir", "registry")), (Layer.Dns, Dep("amazon", "dns")), (Layer.Cdn, Dep("fastly", "cdn")));
        report = report with
        {
            Layers = report.Layers.Select(layer => layer.Layer == Layer.Dns
                ? layer with { Unobserved = [new UnobservedItem("dns.caa", "SERVFAIL")] }
                : layer).ToList(),
        };

        Assert.NotNull(ReportAnalyzer.Default.Complete(report).Grade);
    }

    [Fact]
    public void A_registrar_that_also_runs_the_dns_is_not_inherent()
    {
        var report = Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("godaddy", "registrar")),
            (Layer.Dns, Dep("godaddy", "dns")));

        var completed = ReportAnalyzer.Default.Complete(report);

        var godaddy = completed.Chokepoints.Single(c => c.Entity.Id == "godaddy");
        Assert.False(godaddy.Inherent);
        Assert.Null(godaddy.InherentReason);
        Assert.True(completed.Chokepoints.Single(c => c.Entity.Id == "verisign").Inherent);
    }

    [Fact]
    public void Dns_at_two_unrelated_companies_is_no_single_point_for_resolution_but_a_pair()
    {
        var report = Report(
            (Layer.Registration, Dep("verisign", "registry")),
            (Layer.Registration, Dep("gandi", "registrar")),
            (Layer.Dns, Dep("ns1", "dns", "ibm")),
            (Layer.Dns, Dep("amazon", "dns")));

        var completed = ReportAnalyzer.Default.Complete(report);

        var resolves = completed.Functions.Single(f => f.Id == SiteModelBuilder.NameResolves);
        Assert.DoesNotContain("ibm", resolves.SinglePoints);
        Assert.DoesNotContain("amazon", resolves.SinglePoints);
        Assert.Contains(resolves.Pairs, pair => pair.Contains("ibm") && pair.Contains("amazon"));
        Assert.DoesNotContain(completed.Chokepoints, c => c.Entity.Id is "ibm" or "amazon");
    }

    [Fact]
    public void A_single_donation_processor_is_reported_for_donations()
    {
        var report = Report(
            (Layer.Registration, Dep("pir", "registry")),
            (Layer.Registration, Dep("namecheap", "registrar")),
            (Layer.Dns, Dep("namecheap", "dns")),
            (Layer.Hosting, Dep("digitalocean", "hosting")),
            (Layer.Money, Dep("donorbox", "donations")));

        var completed = ReportAnalyzer.Default.Complete(report);

        var donorbox = completed.Chokepoints.Single(c => c.Entity.Id == "donorbox");
        Assert.Equal(["revenue:donations"], donorbox.Functions);
    }

    [Fact]
    public void Nothing_observed_is_not_graded()
    {
        var completed = ReportAnalyzer.Default.Complete(Report());

        Assert.Null(completed.Grade);
        Assert.StartsWith("not graded", completed.GradeExplanation, StringComparison.Ordinal);
        Assert.Empty(completed.Chokepoints);
    }
}
