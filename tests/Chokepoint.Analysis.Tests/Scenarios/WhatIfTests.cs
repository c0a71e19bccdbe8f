using Chokepoint.Analysis.Model;
using Chokepoint.Model;
using Chokepoint.Analysis.Scenarios;
using static Chokepoint.Analysis.Model.Requirement;
using static Chokepoint.Analysis.Tests.Sites;

namespace Chokepoint.Analysis.Tests.Scenarios;

public sealed class WhatIfTests
{
    [Fact]
    public void Dropping_cloudflare_fails_its_functions_and_explains_why()
    {
        var result = WhatIf.Evaluate(Typical(), new HashSet<string> { "cloudflare" });

        Assert.Contains("needs Cloudflare dns (ns1.example-dns.net), which is gone (Cloudflare dropped)", result.For("name-resolves")!.Path);
        var web = result.For("web-served")!;
        Assert.Equal(OutcomeKind.Fails, web.Outcome);
        Assert.Equal(["\"name-resolves\" fails (explained above)"], web.Path);
        Assert.Equal(OutcomeKind.Fails, result.For("https-trusted")!.Outcome);
        Assert.Equal(OutcomeKind.Unaffected, result.For("revenue:ads")!.Outcome);
        Assert.Empty(result.For("revenue:ads")!.Path);
    }

    /// <summary>Regression: a path through nested groups read "needs all of (all of (...)), which fails".</summary>
    [Fact]
    public void A_path_through_nested_groups_is_said_once_in_plain_words()
    {
        var model = new SiteModel("example.net",
        [
            Function("web-served", Importance.Critical, All(Needs(GoDaddyRegistrar), All(Needs(CloudflareCdn), All(Needs(AwsHosting))))),
        ]);

        var outcome = WhatIf.Evaluate(model, new HashSet<string> { "amazon" }).For("web-served")!;

        Assert.Equal(OutcomeKind.Fails, outcome.Outcome);
        Assert.Equal([$"needs {AwsHosting.Describe()}, which is gone (Amazon dropped)"], outcome.Path);
        Assert.Equal(
            $"{GoDaddyRegistrar.Describe()} and (either {CloudflareDns.Describe()} or {Route53.Describe()})",
            WhatIf.Label(All(Needs(GoDaddyRegistrar), Any(Needs(CloudflareDns), Needs(Route53)))));
        Assert.Equal(
            $"{GoDaddyRegistrar.Describe()}, {CloudflareCdn.Describe()} and {AwsHosting.Describe()}",
            WhatIf.Label(All(Needs(GoDaddyRegistrar), All(Needs(CloudflareCdn), All(Needs(AwsHosting))))));
    }

    [Fact]
    public void Losing_one_alternative_degrades()
    {
        var result = WhatIf.Evaluate(Typical(), new HashSet<string> { "paypal" });

        var payments = result.For("revenue:payments")!;
        Assert.Equal(OutcomeKind.Degrades, payments.Outcome);
        Assert.StartsWith("lost 1 of 2 alternatives (PayPal payments (www.paypal.com)); still served by Stripe payments", payments.Path[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Losing_every_alternative_fails()
    {
        var result = WhatIf.Evaluate(Typical(), new HashSet<string> { "paypal", "stripe" });

        var payments = result.For("revenue:payments")!;
        Assert.Equal(OutcomeKind.Fails, payments.Outcome);
        Assert.StartsWith("all 2 alternatives are lost", payments.Path[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Losing_an_optional_part_degrades()
    {
        var result = WhatIf.Evaluate(Typical(), new HashSet<string> { "alphabet" });

        Assert.Equal(OutcomeKind.Degrades, result.For("embedded-media")!.Outcome);
        Assert.StartsWith("optional part lost", result.For("embedded-media")!.Path[0], StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Fails, result.For("revenue:ads")!.Outcome);
        Assert.Equal(OutcomeKind.Fails, result.For("mail-received")!.Outcome);
    }

    [Fact]
    public void All_inside_an_optional_branch_degrades_instead_of_failing()
    {
        var model = new SiteModel("example.net",
        [
            Function("page-scripts", Importance.Low, All(Needs(AwsHosting), Optional(All(Needs(Jsdelivr), Needs(Fastly)))), FunctionKind.Content),
        ]);

        var outcome = WhatIf.Evaluate(model, new HashSet<string> { "fastly" }).For("page-scripts")!;

        Assert.Equal(OutcomeKind.Degrades, outcome.Outcome);
        Assert.Contains(outcome.Path, p => p.Contains("needs Fastly cdn", StringComparison.Ordinal));
    }

    [Fact]
    public void Degradation_inside_a_required_part_propagates()
    {
        var model = new SiteModel("example.net",
        [
            Function("name-resolves", Importance.Critical, All(Needs(GoDaddyRegistrar), Any(Needs(CloudflareDns), Needs(Route53)))),
        ]);

        var result = WhatIf.Evaluate(model, new HashSet<string> { "amazon" });

        Assert.Equal(OutcomeKind.Degrades, result.For("name-resolves")!.Outcome);
        Assert.Equal(["amazon"], result.DroppedCompanyIds);
    }

    [Fact]
    public void Dropping_nobody_leaves_everything_unaffected()
    {
        var result = WhatIf.Evaluate(Typical(), new HashSet<string>());
        Assert.All(result.Functions, f => Assert.Equal(OutcomeKind.Unaffected, f.Outcome));
    }
}
