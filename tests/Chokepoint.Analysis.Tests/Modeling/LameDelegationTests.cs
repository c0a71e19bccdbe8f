using Chokepoint.Analysis.Modeling;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;

namespace Chokepoint.Analysis.Tests.Modeling;

/// <summary>
/// A DNS company whose every nameserver is lame or unreachable is no alternative in the site model: the company that
/// serves the zone alone is a single point of failure, in the report and in whatif alike. Before, the lame one made
/// the name "redundant" and the grade better than the truth.
/// </summary>
public sealed class LameDelegationTests
{
    private static Dependency Dns(string company, params (string Host, NameServerState State)[] nameServers) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", null),
        Service = ServiceKind.Dns,
        Classification = Classification.ThirdParty,
        Facts = new DependencyFacts
        {
            Delegation = new DelegationFacts
            {
                ParentNsTtl = 172800,
                NameServers = [.. nameServers.Select(ns => new NameServerFacts { Host = ns.Host, State = ns.State, AtParent = true })],
            },
        },
        Evidence = [new Evidence("ns", nameServers[0].Host)],
    };

    private static Dependency Other(string company, ServiceKind service) => new()
    {
        Entity = new EntityRef(company, company + " Inc.", null),
        Service = service,
        Classification = Classification.ThirdParty,
        Evidence = [new Evidence("test", company)],
    };

    private static AuditReport Site(Dependency second) => Report(
        (Layer.Registration, Other("verisign", ServiceKind.Registry)),
        (Layer.Registration, Other("namecheap", ServiceKind.Registrar)),
        (Layer.Dns, Dns("ns1", ("dns1.p01.nsone.net", NameServerState.Authoritative), ("dns2.p01.nsone.net", NameServerState.Authoritative))),
        (Layer.Dns, second),
        (Layer.Hosting, Other("hetzner", ServiceKind.Hosting)));

    private static IReadOnlyList<string> NameSinglePoints(AuditReport report) =>
        ReportAnalyzer.Default.Complete(report).Functions.Single(f => f.Id == SiteModelBuilder.NameResolves).SinglePoints;

    [Theory]
    [InlineData(NameServerState.Lame)]
    [InlineData(NameServerState.Unreachable)]
    public void A_company_that_serves_nothing_is_no_alternative_and_the_other_is_a_single_point(NameServerState state)
    {
        var report = Site(Dns("amazon", ("ns-412.awsdns-51.com", state), ("ns-1345.awsdns-40.org", state)));

        Assert.Contains("ns1", NameSinglePoints(report));
        Assert.DoesNotContain("amazon", NameSinglePoints(report));
        var model = SiteModelBuilder.Build(report);
        Assert.Equal(OutcomeKind.Fails, WhatIf.Evaluate(model, new HashSet<string> { "ns1" }).For(SiteModelBuilder.NameResolves)!.Outcome);
        Assert.Equal(OutcomeKind.Unaffected, WhatIf.Evaluate(model, new HashSet<string> { "amazon" }).For(SiteModelBuilder.NameResolves)!.Outcome);
    }

    [Fact]
    public void A_company_with_one_authoritative_nameserver_counts()
    {
        var report = Site(Dns("amazon", ("ns-412.awsdns-51.com", NameServerState.Lame), ("ns-1345.awsdns-40.org", NameServerState.Authoritative)));

        Assert.DoesNotContain("ns1", NameSinglePoints(report));
        Assert.Equal(OutcomeKind.Degrades, WhatIf.Evaluate(SiteModelBuilder.Build(report), new HashSet<string> { "ns1" }).For(SiteModelBuilder.NameResolves)!.Outcome);
    }

    [Theory]
    [InlineData(NameServerState.Unknown)]
    [InlineData(NameServerState.Unresolved)]
    public void A_company_whose_nameservers_were_not_observed_stays_an_alternative(NameServerState state)
    {
        // Not seen is not lame: the attribution adds the gap that makes the function partly observed.
        var report = Site(Dns("amazon", ("ns-412.awsdns-51.com", state), ("ns-1345.awsdns-40.org", NameServerState.Lame)));

        Assert.DoesNotContain("ns1", NameSinglePoints(report));
    }

    [Fact]
    public void A_not_observed_nameserver_gap_withholds_the_grade_the_alternative_would_give()
    {
        var report = Site(Dns("amazon", ("ns-412.awsdns-51.com", NameServerState.Unresolved)));
        report = report with
        {
            Layers = report.Layers.Select(l => l.Layer == Layer.Dns
                ? l with { Unobserved = [new UnobservedItem("dns.ns.ns-412.awsdns-51.com", "whether ns-412.awsdns-51.com serves the zone was not observed: its name did not resolve (timed out)") { Target = "ns-412.awsdns-51.com" }] }
                : l).ToList(),
        };

        var completed = ReportAnalyzer.Default.Complete(report);

        Assert.Equal(Coverage.PartlyObserved, completed.Functions.Single(f => f.Id == SiteModelBuilder.NameResolves).Coverage);
        Assert.StartsWith("not graded: DNS was partly observed: whether ns-412.awsdns-51.com serves the zone was not observed", completed.GradeExplanation, StringComparison.Ordinal);
        Assert.False(completed.Complete);
    }
}
