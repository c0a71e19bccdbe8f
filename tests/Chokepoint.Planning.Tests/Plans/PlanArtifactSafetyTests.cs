using Chokepoint.Model;
using Chokepoint.Planning.Plans;
using Chokepoint.Planning.Tests.Zones;
using Chokepoint.Planning.Zones;

namespace Chokepoint.Planning.Tests.Plans;

/// <summary>Hostile values injected straight into the plan inputs: every artifact stays well-formed.</summary>
public sealed class PlanArtifactSafetyTests
{
    [Fact]
    public void A_host_name_with_a_newline_in_the_inputs_does_not_reach_the_zone_file_as_syntax()
    {
        var inputs = PlannerTests.Inputs() with
        {
            ZoneRecords =
            [
                ZoneRecord.Ns("example.org", 86400, "ns1.example-dns.net"),
                ZoneRecord.A("www.example.org\n$ORIGIN evil.example.", 300, "192.0.2.66"),
                ZoneRecord.Cname("shop.example.org", 300, "shops.example.net.\n@ 60 IN NS ns.evil.example."),
            ],
            NotSeen = ["dkim.example.org\n$INCLUDE /etc/shadow"],
        };

        var zone = PlannerTests.MakePlan(inputs).Steps.Single(s => s.Layer == Layer.Dns).Artifacts.Single(a => a.Kind == ArtifactKind.ZoneFile);

        var parsed = ZoneLines.AssertWellFormed(zone.Content, "example.org.", 3600);
        Assert.DoesNotContain(parsed.Records, r => r.Name.Contains("evil", StringComparison.Ordinal) || r.Data.Contains("evil", StringComparison.Ordinal));
        Assert.Equal(2, zone.Content.Split('\n').Count(l => l.StartsWith("; skipped", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_zone_file_names_what_it_could_not_see()
    {
        var inputs = PlannerTests.Inputs() with { NotSeen = ["host.www (www.example.org): timed out after 5 s"] };

        var zone = PlannerTests.MakePlan(inputs).Steps.Single(s => s.Layer == Layer.Dns).Artifacts.Single(a => a.Kind == ArtifactKind.ZoneFile);

        Assert.Contains("; not seen: host.www (www.example.org): timed out after 5 s\n", zone.Content, StringComparison.Ordinal);
        Assert.Contains("DKIM keys (<selector>._domainkey names", zone.Content, StringComparison.Ordinal);
        Assert.Contains("SRV records, internal and unlinked names", zone.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_effort_rating_says_why()
    {
        var plan = PlannerTests.MakePlan();

        Assert.All(plan.Steps, step => Assert.False(string.IsNullOrWhiteSpace(step.EffortReason), step.Title));
        Assert.Equal(plan.Steps.Count, plan.Steps.Select(s => s.EffortReason).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("days", plan.Steps.Single(s => s.Layer == Layer.Hosting).EffortReason, StringComparison.Ordinal);
        Assert.Contains("under an hour", plan.Steps.Single(s => s.Layer == Layer.Tls).EffortReason, StringComparison.Ordinal);
    }
}
