using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;
using Chokepoint.Model;
using static Chokepoint.Analysis.Model.Requirement;
using static Chokepoint.Analysis.Tests.Sites;

namespace Chokepoint.Analysis.Tests.FaultTree;

public sealed class ChokepointAnalysisTests
{
    [Fact]
    public void Typical_site_has_known_single_points_per_function()
    {
        var result = ChokepointAnalysis.Analyze(Typical());

        string[] Singles(string id) => result.Functions.Single(f => f.FunctionId == id).SinglePoints.Select(c => c.ToString()).ToArray();
        Assert.Equal(["cloudflare", "godaddy", "verisign"], Singles("name-resolves"));
        Assert.Equal(["amazon", "cloudflare", "godaddy", "verisign"], Singles("web-served"));
        Assert.Equal(["cloudflare", "isrg"], Singles("https-trusted"));
        Assert.Equal(["alphabet", "cloudflare", "godaddy", "verisign"], Singles("mail-received"));
        Assert.Empty(Singles("revenue:payments"));
        Assert.Empty(Singles("embedded-media"));
    }

    [Fact]
    public void Chokepoints_carry_functions_severity_and_suppliers()
    {
        var result = ChokepointAnalysis.Analyze(Typical());

        var cloudflare = result.Chokepoints.Single(c => c.CompanyId == "cloudflare");
        Assert.Equal(["name-resolves", "web-served", "https-trusted", "mail-received"], cloudflare.FunctionIds);
        Assert.Equal(Severity.Critical, cloudflare.Severity);
        Assert.Equal(["dns", "cdn"], cloudflare.Suppliers.Select(s => s.Service).ToArray());
        Assert.False(cloudflare.IsInherent);
        Assert.Same(cloudflare, result.Chokepoints[0]);

        var alphabet = result.Chokepoints.Single(c => c.CompanyId == "alphabet");
        Assert.Equal(Severity.High, alphabet.Severity);
        Assert.Equal(["mail-received", "revenue:ads"], alphabet.FunctionIds);
        Assert.DoesNotContain(result.Chokepoints, c => c.CompanyId == "paypal");
    }

    [Fact]
    public void Registry_and_registrar_are_reported_as_inherent()
    {
        var result = ChokepointAnalysis.Analyze(Typical());

        var godaddy = result.Chokepoints.Single(c => c.CompanyId == "godaddy");
        Assert.True(godaddy.IsInherent);
        Assert.Equal(Severity.Critical, godaddy.Severity);
        Assert.True(result.Chokepoints.Single(c => c.CompanyId == "verisign").IsInherent);
    }

    [Fact]
    public void Pairs_are_rolled_up_with_severity()
    {
        var result = ChokepointAnalysis.Analyze(Typical());

        var pair = Assert.Single(result.Pairs);
        Assert.Equal("paypal + stripe", pair.Companies.ToString());
        Assert.Equal(["revenue:payments"], pair.FunctionIds);
        Assert.Equal(Severity.High, pair.Severity);
    }

    [Fact]
    public void Three_companies_breaking_critical_functions_grade_f()
    {
        var result = ChokepointAnalysis.Analyze(Typical());

        Assert.Equal(ExposureGrade.F, result.Grade);
        Assert.StartsWith("F: 3 companies can each alone break critical functions: cloudflare (3 critical functions", result.GradeExplanation, StringComparison.Ordinal);
        Assert.Contains("Not graded, single by construction: godaddy as registrar", result.GradeExplanation, StringComparison.Ordinal);
        Assert.Equal(GradeRule.Text, result.GradeRule);
    }

    [Fact]
    public void One_company_breaking_critical_functions_grades_d()
    {
        var model = new SiteModel("example.net",
        [
            Function("name-resolves", Importance.Critical, Needs(CloudflareDns)),
            Function("web-served", Importance.Critical, All(Needs(CloudflareDns), Needs(CloudflareCdn))),
            Function("https-trusted", Importance.Critical, Needs(CloudflareCdn)),
        ]);

        var result = ChokepointAnalysis.Analyze(model);

        Assert.Equal(ExposureGrade.D, result.Grade);
        Assert.Equal("D: one company (cloudflare) can alone break 3 critical functions (name-resolves, web-served, https-trusted).", result.GradeExplanation);
    }

    [Fact]
    public void Two_companies_breaking_critical_functions_grade_e()
    {
        var model = new SiteModel("example.net",
        [
            Function("name-resolves", Importance.Critical, Needs(CloudflareDns)),
            Function("https-trusted", Importance.Critical, Needs(LetsEncrypt)),
        ]);

        Assert.Equal(ExposureGrade.E, ChokepointAnalysis.Analyze(model).Grade);
    }

    [Fact]
    public void High_single_point_without_critical_grades_c()
    {
        var model = new SiteModel("example.net",
        [
            Function("name-resolves", Importance.Critical, Any(Needs(CloudflareDns), Needs(Route53), Needs(Dyn))),
            Function("mail-received", Importance.High, Needs(GoogleMail)),
        ]);

        var result = ChokepointAnalysis.Analyze(model);

        Assert.Equal(ExposureGrade.C, result.Grade);
        Assert.Contains("alphabet can alone break 1 high function (mail-received)", result.GradeExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Critical_pair_only_grades_b()
    {
        var model = new SiteModel("example.net",
        [
            Function("name-resolves", Importance.Critical, All(Needs(Verisign), Needs(GoDaddyRegistrar), Any(Needs(CloudflareDns), Needs(Route53)))),
            Function("revenue:ads", Importance.Medium, Needs(GoogleAds)),
        ]);

        var result = ChokepointAnalysis.Analyze(model);

        Assert.Equal(ExposureGrade.B, result.Grade);
        Assert.Contains("amazon + cloudflare (name-resolves)", result.GradeExplanation, StringComparison.Ordinal);
        Assert.Contains("godaddy as registrar (name-resolves)", result.GradeExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Redundant_critical_functions_and_medium_single_points_grade_a()
    {
        var model = new SiteModel("example.net",
        [
            Function("name-resolves", Importance.Critical, Any(Needs(CloudflareDns), Needs(Route53), Needs(Dyn))),
            Function("revenue:ads", Importance.Medium, Needs(GoogleAds)),
        ]);

        var result = ChokepointAnalysis.Analyze(model);

        Assert.Equal(ExposureGrade.A, result.Grade);
        Assert.Equal(Severity.Medium, Assert.Single(result.Chokepoints).Severity);
    }

    [Fact]
    public void Registrar_that_also_runs_dns_is_graded()
    {
        var model = new SiteModel("example.net",
        [
            Function("name-resolves", Importance.Critical, All(Needs(Verisign), Needs(CloudflareRegistrar), Needs(CloudflareDns))),
        ]);

        var result = ChokepointAnalysis.Analyze(model);

        Assert.Equal(ExposureGrade.D, result.Grade);
        Assert.False(result.Chokepoints.Single(c => c.CompanyId == "cloudflare").IsInherent);
        Assert.True(result.Chokepoints.Single(c => c.CompanyId == "verisign").IsInherent);
    }
}
