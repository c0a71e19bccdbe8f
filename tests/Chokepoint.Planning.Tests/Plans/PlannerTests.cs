using Chokepoint.Analysis.FaultTree;
using Chokepoint.Analysis.Model;
using Chokepoint.Model;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Mail;
using Chokepoint.Planning.Plans;
using Chokepoint.Planning.Zones;
using static Chokepoint.Analysis.Model.Requirement;

namespace Chokepoint.Planning.Tests.Plans;

public sealed class PlannerTests
{
    private static readonly Supplier Verisign = new("verisign", "VeriSign", "registry", Layer.Registration, "com");
    private static readonly Supplier GoDaddy = new("godaddy", "GoDaddy", "registrar", Layer.Registration);
    private static readonly Supplier CloudflareDns = new("cloudflare", "Cloudflare", "dns", Layer.Dns, "ns1.example-dns.net");
    private static readonly Supplier CloudflareCdn = new("cloudflare", "Cloudflare", "cdn", Layer.Cdn);
    private static readonly Supplier Aws = new("amazon", "Amazon", "hosting", Layer.Hosting);
    private static readonly Supplier LetsEncrypt = new("isrg", "ISRG", "ca", Layer.Tls);
    private static readonly Supplier GoogleMail = new("alphabet", "Alphabet", "mail", Layer.Mail);
    private static readonly Supplier PayPal = new("paypal", "PayPal", "payments", Layer.Money);

    internal static SiteModel Model()
    {
        var name = All(Needs(Verisign), Needs(GoDaddy), Needs(CloudflareDns));
        return new SiteModel("example.org",
        [
            new SiteFunction("name-resolves", "Name resolves", FunctionKind.Reachability, Importance.Critical, name),
            new SiteFunction("web-served", "Web served", FunctionKind.Reachability, Importance.Critical, All(name, Needs(CloudflareCdn), Needs(Aws))),
            new SiteFunction("https-trusted", "HTTPS trusted", FunctionKind.Trust, Importance.Critical, Needs(LetsEncrypt)),
            new SiteFunction("mail-received", "Mail received", FunctionKind.Mail, Importance.High, Needs(GoogleMail)),
            new SiteFunction("revenue:payments", "Payments", FunctionKind.Revenue, Importance.High, Needs(PayPal)),
        ]);
    }

    internal static PlanInputs Inputs() => new()
    {
        ZoneRecords =
        [
            ZoneRecord.Ns("example.org", 86400, "ns1.example-dns.net"),
            ZoneRecord.A("example.org", 300, "192.0.2.10"),
            ZoneRecord.Txt("example.org", 300, "v=spf1 include:_spf.google.com ~all"),
        ],
        CurrentCaIssuer = "letsencrypt.org",
        IodefContact = "mailto:security@example.org",
        CurrentMx = [new MxEntry(1, "aspmx.l.google.com")],
        CaCandidates = [new ProviderCandidate("isrg", "Let's Encrypt", "letsencrypt.org"), new ProviderCandidate("alphabet", "Google Trust Services", "pki.goog")],
        BackupMxCandidates = [new ProviderCandidate("alphabet", "Google", "alt1.aspmx.l.google.com"), new ProviderCandidate("mailbackup", "Mail Backup Co", "mx.mailbackup.example")],
        DnsCandidates = [new ProviderCandidate("cloudflare", "Cloudflare", Hosts: ["ns2.example-dns.net"]), new ProviderCandidate("secondary-co", "Secondary Co", Hosts: ["ns1.secondary.example", "ns2.secondary.example"], Source: "https://secondary.example/docs")],
        RegistrarCandidates = [new ProviderCandidate("cloudflare", "Cloudflare Registrar"), new ProviderCandidate("gandi", "Gandi"), new ProviderCandidate("godaddy", "GoDaddy")],
        RevenueAlternatives = new Dictionary<string, IReadOnlyList<ProviderCandidate>>
        {
            ["revenue:payments"] = [new ProviderCandidate("paypal", "Braintree"), new ProviderCandidate("stripe", "Stripe")],
        },
    };

    internal static Plan MakePlan(PlanInputs? inputs = null)
    {
        var model = Model();
        return Planner.Plan(model, ChokepointAnalysis.Analyze(model), inputs ?? Inputs());
    }

    [Fact]
    public void One_step_per_company_and_layer_ranked_by_score()
    {
        var plan = MakePlan();

        Assert.Equal(
            ["cloudflare/Dns", "godaddy/Registration", "isrg/Tls", "cloudflare/Cdn", "alphabet/Mail", "verisign/Registration", "amazon/Hosting", "paypal/Money"],
            plan.Steps.Select(s => $"{s.CompanyId}/{s.Layer}").ToArray());
        Assert.Equal(Enumerable.Range(1, plan.Steps.Count), plan.Steps.Select(s => s.Rank));
        Assert.True(plan.Steps.Zip(plan.Steps.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal(ExposureGrade.F, plan.GradeNow);
        Assert.Equal(Planner.RankingRule, plan.RankingRule);
    }

    [Fact]
    public void Scores_follow_the_documented_rule()
    {
        var plan = MakePlan();

        var ca = plan.Steps.Single(s => s.CompanyId == "isrg");
        Assert.Equal(8, ca.Risk);
        Assert.Equal(Effort.Low, ca.Effort);
        Assert.Equal(8.0, ca.Score);

        var dns = plan.Steps.Single(s => s.Layer == Layer.Dns);
        Assert.Equal(["name-resolves", "web-served"], dns.FunctionIds);
        Assert.Equal(16, dns.Risk);
        Assert.Equal(8.0, dns.Score);

        var cdn = plan.Steps.Single(s => s.Layer == Layer.Cdn);
        Assert.Equal(["web-served"], cdn.FunctionIds);

        var registrar = plan.Steps.Single(s => s.CompanyId == "godaddy");
        Assert.Equal(StepKind.Mitigates, registrar.Kind);
        Assert.Equal(16 * 0.5 / 1, registrar.Score);
        Assert.Equal("risk 16 (name-resolves 8 + web-served 8) x 0.5 / effort Low 1 = 8", registrar.RankReason);
    }

    [Fact]
    public void Ca_step_carries_a_valid_caa_set_with_a_ca_from_another_company()
    {
        var step = MakePlan().Steps.Single(s => s.Layer == Layer.Tls);

        var artifact = step.Artifacts.Single(a => a.Kind == ArtifactKind.CaaRecords);
        var parsed = ZoneFileParser.Parse(artifact.Content);
        var caa = parsed.Records.Select(r => CaaRecord.FromZoneRecord(r)!).ToList();

        Assert.True(parsed.IsSuccess);
        Assert.Equal(["issue letsencrypt.org", "issue pki.goog", "iodef mailto:security@example.org"], caa.Select(r => $"{r.Tag} {r.Value}").ToArray());
        Assert.True(CaaValidator.Validate(caa).IsValid);
    }

    [Fact]
    public void Dns_step_carries_a_zone_file_with_the_secondary_nameserver()
    {
        var step = MakePlan().Steps.Single(s => s.Layer == Layer.Dns);

        var zone = step.Artifacts.Single(a => a.Kind == ArtifactKind.ZoneFile);
        var parsed = ZoneFileParser.Parse(zone.Content);

        Assert.True(parsed.IsSuccess);
        Assert.Contains(ZoneRecord.Ns("example.org", 3600, "ns1.secondary.example"), parsed.Records);
        Assert.Contains(ZoneRecord.Ns("example.org", 3600, "ns2.secondary.example"), parsed.Records);
        Assert.Contains("https://secondary.example/docs", zone.Content, StringComparison.Ordinal);
        Assert.Contains(ZoneRecord.Txt("example.org", 300, "v=spf1 include:_spf.google.com ~all"), parsed.Records);
        Assert.DoesNotContain(step.Artifacts.SelectMany(a => a.Candidates), c => c.CompanyId == "cloudflare");
    }

    [Fact]
    public void Mail_step_adds_a_backup_mx_from_another_company()
    {
        var step = MakePlan().Steps.Single(s => s.Layer == Layer.Mail);

        var mx = ZoneFileParser.Parse(step.Artifacts.Single(a => a.Kind == ArtifactKind.MxRecords).Content).Records;

        Assert.Equal([ZoneRecord.Mx("example.org", 3600, 1, "aspmx.l.google.com"), ZoneRecord.Mx("example.org", 3600, 11, "mx.mailbackup.example")], mx);
    }

    [Fact]
    public void Without_a_published_secondary_the_zone_file_names_marked_placeholders_that_cannot_resolve()
    {
        var plan = MakePlan(Inputs() with { DnsCandidates = [new ProviderCandidate("secondary-co", "Secondary Co")] });
        var zone = plan.Steps.Single(s => s.Layer == Layer.Dns).Artifacts.Single(a => a.Kind == ArtifactKind.ZoneFile);

        var added = ZoneFileParser.Parse(zone.Content).Records.Where(r => r.Type == ZoneRecordType.NS).Except(Inputs().ZoneRecords).Select(r => r.Data).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, ns => Assert.EndsWith(".invalid.", ns, StringComparison.Ordinal));
        Assert.Contains("placeholder", zone.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_published_backup_exchanger_the_mx_set_holds_a_marked_placeholder_above_the_primary()
    {
        var plan = MakePlan(Inputs() with { BackupMxCandidates = [new ProviderCandidate("mailbackup", "Mail Backup Co")] });
        var mx = plan.Steps.Single(s => s.Layer == Layer.Mail).Artifacts.Single(a => a.Kind == ArtifactKind.MxRecords);

        Assert.Equal([ZoneRecord.Mx("example.org", 3600, 1, "aspmx.l.google.com"), ZoneRecord.Mx("example.org", 3600, 11, "backup-mx.invalid")], ZoneFileParser.Parse(mx.Content).Records);
        Assert.Contains("placeholder", mx.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Registrar_candidates_exclude_the_dns_and_cdn_companies()
    {
        var step = MakePlan().Steps.Single(s => s.CompanyId == "godaddy");

        var candidates = step.Artifacts.Single(a => a.Kind == ArtifactKind.Alternatives).Candidates;
        Assert.Equal(["gandi"], candidates.Select(c => c.CompanyId).ToArray());
        Assert.Contains("60 days", step.Artifacts.Single(a => a.Kind == ArtifactKind.RegistrarNotes).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_alternatives_exclude_the_same_company()
    {
        var step = MakePlan().Steps.Single(s => s.Layer == Layer.Money);

        var alternatives = step.Artifacts.Single(a => a.Kind == ArtifactKind.Alternatives);
        Assert.Equal(["stripe"], alternatives.Candidates.Select(c => c.CompanyId).ToArray());
    }

    [Fact]
    public void Recovery_is_attached_when_facts_are_given()
    {
        Assert.All(MakePlan().Steps, s => Assert.Null(s.RecoveryToday));

        var plan = MakePlan(Inputs() with { Facts = new RecoveryFacts { AcmeAutomated = true, CaaAllowsAnotherCa = true } });

        Assert.Equal(TimeSpan.FromHours(2), plan.Steps.Single(s => s.Layer == Layer.Tls).RecoveryToday!.High);
    }

    [Fact]
    public void Redundant_site_has_no_steps()
    {
        var model = new SiteModel("example.org",
        [
            new SiteFunction("name-resolves", "Name resolves", FunctionKind.Reachability, Importance.Critical,
                Any(Needs(CloudflareDns), Needs(new Supplier("oracle", "Oracle", "dns", Layer.Dns)))),
        ]);

        var plan = Planner.Plan(model, ChokepointAnalysis.Analyze(model), PlanInputs.Empty);

        Assert.Empty(plan.Steps);
        Assert.Equal(ExposureGrade.B, plan.GradeNow);
    }

    [Fact]
    public void An_indirect_single_point_is_planned_around_the_provider_that_relies_on_it()
    {
        var fastly = new Supplier("fastly", "Fastly", "cdn", Layer.Cdn, "Fastly");
        var dyn = new Supplier("oracle", "Oracle", "dns", Layer.Dns, "Dyn, zone fastly.example", fastly);
        var name = All(Needs(Verisign), Needs(GoDaddy), Needs(CloudflareDns));
        var model = new SiteModel("example.org",
        [
            new SiteFunction("web-served", "Web served", FunctionKind.Reachability, Importance.Critical, All(name, All(Needs(fastly), Needs(dyn)), Needs(Aws))),
        ]);

        var plan = Planner.Plan(model, ChokepointAnalysis.Analyze(model), Inputs());

        var step = Assert.Single(plan.Steps, s => s.CompanyId == "oracle");
        Assert.StartsWith("Route around Fastly's cdn, which relies on Oracle (dns)", step.Title, StringComparison.Ordinal);
        Assert.Contains("cannot replace it", step.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(step.Artifacts, a => a.Kind == ArtifactKind.ZoneFile);
    }

    [Fact]
    public void Roles_behind_one_provider_share_one_step_and_are_not_the_sites_infrastructure()
    {
        var fastly = new Supplier("fastly", "Fastly", "cdn", Layer.Cdn, "Fastly");
        var edgeCdn = new Supplier("oracle", "Oracle", "hosting", Layer.Hosting, "OCI", fastly);
        var edgeDns = new Supplier("oracle", "Oracle", "dns", Layer.Dns, "Dyn, zone fastly.example", fastly);
        var name = All(Needs(Verisign), Needs(GoDaddy), Needs(CloudflareDns));
        var model = new SiteModel("example.org",
        [
            new SiteFunction("web-served", "Web served", FunctionKind.Reachability, Importance.Critical, All(name, All(Needs(fastly), Needs(edgeCdn), Needs(edgeDns)))),
        ]);

        var inputs = Inputs() with { RegistrarCandidates = [new ProviderCandidate("gandi", "Gandi"), new ProviderCandidate("oracle", "Oracle Domains")] };

        var plan = Planner.Plan(model, ChokepointAnalysis.Analyze(model), inputs);

        var step = Assert.Single(plan.Steps, s => s.CompanyId == "oracle");
        Assert.Contains("(hosting, dns)", step.Title, StringComparison.Ordinal);
        var registrar = Assert.Single(plan.Steps, s => s.CompanyId == "godaddy");
        var candidates = registrar.Artifacts.SelectMany(a => a.Candidates).Select(c => c.CompanyId).ToList();
        Assert.Contains("oracle", candidates);
        Assert.Contains("gandi", candidates);
    }
}
