using Chokepoint.Analysis.FaultTree;
using Chokepoint.Model;
using Chokepoint.Planning.Plans;
using Chokepoint.Reporting.Plans;

namespace Chokepoint.Reporting.Tests.Plans;

/// <summary>The plan views: every effort says why, and no artifact can close its Markdown fence.</summary>
public sealed class PlanRendererTests
{
    private static Plan Plan(string artifactContent) => new("example.org", ExposureGrade.D,
    [
        new PlanStep(1, "isrg", "ISRG", Layer.Tls, "ca", StepKind.Removes, "Allow a second CA next to ISRG", "List a second CA.",
            ["https-trusted"], 8, Effort.Low, "an ACME account at a second CA and one CAA record: under an hour", 8, "risk 8 x 1 / effort Low 1 = 8",
            [new PlanArtifact(ArtifactKind.CaaRecords, "CAA", artifactContent, [])], null),
    ], Planner.RankingRule);

    [Fact]
    public void Every_view_says_why_the_effort_was_rated_so()
    {
        var plan = Plan("$ORIGIN example.org.\n");

        Assert.Contains("effort low: an ACME account at a second CA and one CAA record: under an hour", WrappedText.Flat(PlanRenderer.Table(plan)), StringComparison.Ordinal);
        Assert.Contains("why this effort: an ACME account", PlanRenderer.Markdown(plan), StringComparison.Ordinal);
        Assert.Contains("\"effortReason\": \"an ACME account at a second CA and one CAA record: under an hour\"", PlanRenderer.Json(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void An_artifact_holding_backticks_cannot_close_its_markdown_fence()
    {
        var markdown = PlanRenderer.Markdown(Plan("; a comment with ``` inside\n```\n# injected heading\n")).ReplaceLineEndings("\n");

        var lines = markdown.Split('\n');
        var open = Array.FindIndex(lines, l => l.StartsWith("```", StringComparison.Ordinal) && l.Trim('`').Length == 0);
        var fence = lines[open];
        Assert.True(fence.Length > 3, fence);
        var close = Array.FindIndex(lines, open + 1, l => l == fence);
        Assert.True(close > Array.IndexOf(lines, "# injected heading"), markdown);
    }
}
