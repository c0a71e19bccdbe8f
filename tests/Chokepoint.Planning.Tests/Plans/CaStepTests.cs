using Chokepoint.Analysis.Recovery;
using Chokepoint.Model;
using Chokepoint.Planning.Caa;
using Chokepoint.Planning.Plans;
using Chokepoint.Planning.Tests.Zones;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Plans;

/// <summary>The CA step reads the site's CAA set, its iodef and its certificate's remaining validity.</summary>
public sealed class CaStepTests
{
    private static PlanStep CaStep(PlanInputs inputs) => PlannerTests.MakePlan(inputs).Steps.Single(s => s.Layer == Layer.Tls);

    private static PlanInputs With(params CaaRecord[] caa) => PlannerTests.Inputs() with { CurrentCaa = caa, IodefContact = null };

    [Fact]
    public void A_caa_set_that_already_allows_another_companys_ca_gets_no_step_to_add_one()
    {
        var step = CaStep(With(new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "issue", "pki.goog")));

        Assert.DoesNotContain(step.Artifacts, a => a.Kind == ArtifactKind.CaaRecords);
        Assert.Contains("pki.goog, which CAA already allows", step.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Allow a second CA", step.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caa_set_naming_only_the_current_ca_gets_a_ca_it_does_not_allow_yet()
    {
        var step = CaStep(With(new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "issue", "letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1")));

        var artifact = step.Artifacts.Single(a => a.Kind == ArtifactKind.CaaRecords);
        var parsed = ZoneLines.AssertWellFormed(artifact.Content[artifact.Content.IndexOf("$ORIGIN", StringComparison.Ordinal)..].Split("\n; check")[0], "example.org.", 3600);
        var values = parsed.Records.Select(r => CaaRecord.FromZoneRecord(r)!).Where(r => r.Tag == "issue").Select(r => r.Value).ToList();
        Assert.Contains("pki.goog", values);
        Assert.Equal(3, values.Count);
        Assert.StartsWith("Allow a second CA next to ISRG", step.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_caa_issue_records_any_ca_may_issue_and_the_caa_set_is_optional()
    {
        var step = CaStep(With());

        Assert.Contains("CAA allows any CA today", step.Title, StringComparison.Ordinal);
        Assert.StartsWith("Optional:", step.Artifacts.Single(a => a.Kind == ArtifactKind.CaaRecords).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_current_issuer_no_caa_set_is_offered_that_would_lock_out_the_current_ca()
    {
        var step = CaStep(With() with { CurrentCaIssuer = null });

        Assert.DoesNotContain(step.Artifacts, a => a.Kind == ArtifactKind.CaaRecords);
    }

    [Fact]
    public void No_mailbox_is_invented_for_the_iodef()
    {
        var step = CaStep(With(new CaaRecord(0, "issue", "letsencrypt.org")));

        var content = step.Artifacts.Single(a => a.Kind == ArtifactKind.CaaRecords).Content;
        Assert.DoesNotContain("\"mailto:security@example.org\"", content, StringComparison.Ordinal);
        Assert.Contains("iodef \"mailto:security@example.org.invalid\"", content, StringComparison.Ordinal);
        Assert.Contains("; mailto:security@example.org.invalid is a placeholder: replace it", content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sites_own_iodef_is_kept_and_no_other_is_added()
    {
        var step = CaStep(With(new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "iodef", "mailto:caa@example.org")));

        var content = step.Artifacts.Single(a => a.Kind == ArtifactKind.CaaRecords).Content;
        Assert.Single(content.Split('\n'), l => l.Contains("IN CAA 0 iodef", StringComparison.Ordinal));
        Assert.Contains("iodef \"mailto:caa@example.org\"", content, StringComparison.Ordinal);
        Assert.DoesNotContain("placeholder", content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_certificates_remaining_validity_is_said_when_known()
    {
        var step = CaStep(With(new CaaRecord(0, "issue", "letsencrypt.org")) with { Facts = new RecoveryFacts { CertificateDaysRemaining = 21 } });

        Assert.Contains("valid 21 more days", step.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_caa_value_from_the_inputs_never_escapes_its_comment()
    {
        var step = CaStep(With(new CaaRecord(0, "issue", "letsencrypt.org"), new CaaRecord(0, "iodef", "mailto:x@example.org\n$ORIGIN evil.example.\n@ 60 IN CAA 0 issue \"evil.example\"")));

        var content = step.Artifacts.Single(a => a.Kind == ArtifactKind.CaaRecords).Content;
        var lines = content.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("$ORIGIN evil", StringComparison.Ordinal) || l.StartsWith('@') && l.Contains("evil", StringComparison.Ordinal));
        var parsed = ZoneFileParser.Parse(content);
        Assert.True(parsed.IsSuccess, string.Join("\n", parsed.Errors));
        Assert.Equal("example.org.", parsed.Origin);
        Assert.DoesNotContain(parsed.Records, r => r.Data.Contains("evil", StringComparison.Ordinal));
    }
}
