using Chokepoint.Analysis.Model;
using Chokepoint.Analysis.Modeling;
using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;
using static Chokepoint.Analysis.Model.Requirement;
using static Chokepoint.Analysis.Tests.Modeling.TestReports;
using static Chokepoint.Analysis.Tests.Sites;

namespace Chokepoint.Analysis.Tests.Recovery;

/// <summary>TLS recovery reads the CAA set (is another company's CA already allowed?) and the certificate's validity.</summary>
public sealed class CaaAndCertificateRecoveryTests
{
    private static readonly DateTimeOffset Collected = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static Dependency Ca(string company, IReadOnlyList<string> caaIssuers, DateTimeOffset? notAfter = null) => new()
    {
        Entity = new EntityRef(company, company + " CA", null),
        Service = ServiceKind.Ca,
        Classification = Classification.ThirdParty,
        Evidence = [new Evidence("test", company)],
        Facts = new DependencyFacts
        {
            Caa = new CaaFacts { Observed = true, Issuers = caaIssuers },
            Certificates = notAfter is { } end
                ? [new CertificateFacts { Host = "site.example", Issuer = "R11", NotBefore = end.AddDays(-90), NotAfter = end, ValidityDays = 90, Automation = new IssuanceAutomation(true, AutomationReason.ShortValidity) }]
                : null,
        },
    };

    private static TimeToRecoverReport TlsRecovery(Dependency ca)
    {
        var report = Report(
            (Layer.Registration, new Dependency { Entity = new EntityRef("gandi", "Gandi", null), Service = ServiceKind.Registrar, Classification = Classification.ThirdParty, Evidence = [new Evidence("test", "gandi")] }),
            (Layer.Dns, new Dependency { Entity = new EntityRef("cloudflare", "Cloudflare", null), Service = ServiceKind.Dns, Classification = Classification.ThirdParty, Evidence = [new Evidence("test", "cloudflare")] }),
            (Layer.Tls, ca));
        var completed = ReportAnalyzer.Default.Complete(report);
        return completed.Chokepoints.Single(c => c.Entity.Id == ca.Entity.Id).TimeToRecover!;
    }

    [Fact]
    public void Two_issuer_domains_of_the_same_ca_are_not_a_second_ca()
    {
        // sectigo.com and comodoca.com are both Sectigo's CAA identifiers: a CAA change is still needed.
        var recovery = TlsRecovery(Ca("sectigo", ["sectigo.com", "comodoca.com"]));

        Assert.Contains(recovery.Steps, s => s.StartsWith("add the new CA's issuer domain to the CAA records", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_ca_already_allowed_needs_no_caa_change()
    {
        var recovery = TlsRecovery(Ca("isrg", ["letsencrypt.org", "pki.goog"]));

        Assert.DoesNotContain(recovery.Steps, s => s.Contains("CAA", StringComparison.Ordinal));
        Assert.Contains(recovery.Assumptions, a => a.Contains("CAA already allows another CA (pki.goog)", StringComparison.Ordinal));
    }

    [Fact]
    public void Tls_recovery_is_faster_with_a_second_ca_already_allowed()
    {
        var https = Function("https-trusted", Importance.Critical, Needs(LetsEncrypt), FunctionKind.Trust);
        var onlyItself = RecoveryEstimator.Estimate(LetsEncrypt, https, new RecoveryFacts { AcmeAutomated = true, CaaIssuers = ["letsencrypt.org"] });
        var withSecond = RecoveryEstimator.Estimate(LetsEncrypt, https, new RecoveryFacts { AcmeAutomated = true, CaaIssuers = ["letsencrypt.org", "digicert.com"] });

        Assert.True(withSecond.High < onlyItself.High, $"{withSecond.Range} vs {onlyItself.Range}");
        Assert.True(withSecond.Low <= onlyItself.Low);
    }

    [Fact]
    public void The_certificates_remaining_validity_is_used_when_known()
    {
        var recovery = TlsRecovery(Ca("isrg", ["letsencrypt.org"], Collected.AddDays(45)));

        Assert.Contains(recovery.Assumptions, a => a.Contains("stays valid 45 more days", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expired_certificate_is_said_to_fail_now()
    {
        var recovery = TlsRecovery(Ca("isrg", ["letsencrypt.org"], Collected.AddDays(-3)));

        Assert.Contains(recovery.Assumptions, a => a.Contains("already expired", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("isrg", new[] { "letsencrypt.org" }, false)]
    [InlineData("isrg", new[] { "LetsEncrypt.org." }, false)]
    [InlineData("isrg", new[] { "letsencrypt.org", "sectigo.com" }, true)]
    [InlineData("isrg", new string[0], true)]
    [InlineData("unknown-ca", new[] { "unknown.example" }, null)]
    [InlineData("unknown-ca", new[] { "a.example", "b.example" }, true)]
    public void Another_ca_is_allowed_only_by_another_companys_issuer(string company, string[] issuers, bool? expected)
    {
        Assert.Equal(expected, CaaIssuerDomains.AllowAnotherThan(company, issuers));
    }
}
