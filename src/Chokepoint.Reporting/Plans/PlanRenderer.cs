using System.Text;
using System.Globalization;
using System.Text.Json;
using Chokepoint.Planning.Plans;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Table;
using Spectre.Console;
using Spectre.Console.Rendering;
using static Chokepoint.Reporting.Table.TerminalStyles;

namespace Chokepoint.Reporting.Plans;

/// <summary>The views of a plan: terminal text, Markdown and JSON.</summary>
public static class PlanRenderer
{
    /// <summary>The plan as plain terminal text, 80 columns wide.</summary>
    public static string Table(Plan plan) => Table(plan, TerminalOptions.Plain);

    /// <summary>
    /// The plan for a terminal, fitted to its width and coloured when asked: each step with its company, service and
    /// effort, what to do, why this effort and rank; each artifact below it as it is, never wrapped, to copy.
    /// </summary>
    public static string Table(Plan plan, TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        using var canvas = new TerminalCanvas(options);
        var grade = plan.GradeNow.ToString();
        canvas.Write(Join(("Plan for ", Title), (plan.Domain, Title), (" (grade now ", Plain), (grade, Grade(grade)), (")", Plain)));
        canvas.Write(Value(plan.RankingRule, Dim));
        if (plan.Steps.Count == 0)
        {
            canvas.Line();
            canvas.Write(Value("No single point of failure was found that a step could remove."));
        }

        foreach (var step in plan.Steps)
        {
            canvas.Line();
            canvas.Write(Heading($"{step.CompanyName}, {step.Service}"));
            var grid = LabelGrid();
            grid.AddRow(Value(step.Rank.ToString(CultureInfo.InvariantCulture) + ".", Title), Lines(
            [
                Value(step.Title, Title),
                Join(("effort ", Dim), (step.Effort.ToString().ToLowerInvariant(), Effort(step.Effort)), (": " + step.EffortReason, Dim)),
            ]));
            canvas.Write(grid);
            canvas.Write(new Padder(Lines(
            [
                Value(step.Text),
                Value("why this rank: " + step.RankReason, Dim),
                .. step.RecoveryToday is { } recovery ? [Value("time to recover today: " + recovery.Range)] : Array.Empty<IRenderable>(),
            ]), new Padding(3, 0, 0, 0)));
            foreach (var artifact in step.Artifacts)
            {
                canvas.Line();
                canvas.Write(new Padder(Join(("--- ", Dim), (artifact.Title, Title), (" (as it is, to copy)", Dim)), new Padding(3, 0, 0, 0)));
                canvas.Verbatim(artifact.Content);
            }
        }

        return canvas.ToString();
    }

    private static Style Effort(Effort effort) => effort switch
    {
        Planning.Plans.Effort.Low => Good,
        Planning.Plans.Effort.Medium => Warn,
        _ => Bad,
    };

    /// <summary>The plan as a Markdown document, each artifact in a fenced block.</summary>
    public static string Markdown(Plan plan) => Render(plan, markdown: true);

    /// <summary>The plan as JSON.</summary>
    public static string Json(Plan plan) => JsonSerializer.Serialize(plan, ReportJson.Options);

    /// <summary>The file name an artifact is written under with <c>plan --artifacts</c>, e.g. "01-zonefile.txt".</summary>
    public static string ArtifactFileName(PlanStep step, PlanArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(artifact);
        return $"{step.Rank:00}-{artifact.Kind.ToString().ToLowerInvariant()}.txt";
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string Render(Plan plan, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(markdown ? "# " : "").Append("Plan for ").Append(plan.Domain).Append(" (grade now ").Append(plan.GradeNow).AppendLine(")");
        text.AppendLine().AppendLine(plan.RankingRule);
        if (plan.Steps.Count == 0)
        {
            text.AppendLine().AppendLine("No single point of failure was found that a step could remove.");
        }

        foreach (var step in plan.Steps)
        {
            text.AppendLine();
            text.Append(markdown ? "## " : "").Append(step.Rank).Append(". ").Append(step.Title)
                .Append(" [").Append(step.CompanyName).Append(", ").Append(step.Service).Append(", effort ").Append(step.Effort.ToString().ToLowerInvariant()).AppendLine("]");
            text.AppendLine(step.Text);
            text.Append("   why this effort: ").AppendLine(step.EffortReason);
            text.Append("   why this rank: ").AppendLine(step.RankReason);
            if (step.RecoveryToday is { } recovery)
            {
                text.Append("   time to recover today: ").AppendLine(recovery.Range);
            }

            foreach (var artifact in step.Artifacts)
            {
                // A fence longer than any run of backticks in the artifact, so no content can close it (CommonMark 4.5).
                var fence = markdown ? new string('`', Math.Max(3, LongestRun(artifact.Content, '`') + 1)) : "";
                text.AppendLine().Append(markdown ? "### " : "   --- ").AppendLine(artifact.Title);
                text.AppendLine(fence);
                text.AppendLine(artifact.Content.TrimEnd());
                text.AppendLine(fence);
            }
        }

        return text.ToString();
    }
}
