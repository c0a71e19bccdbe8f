using System.Text;
using Chokepoint.Model;

namespace Chokepoint.Reporting.Markdown;

/// <summary>
/// The Markdown view, sized for a pull request or an issue: a title with the domain and grade, the grade's
/// explanation, the chokepoints, one table per layer with what was not observed there, the functions, and per
/// chokepoint the recovery steps and assumptions (in a collapsed <c>&lt;details&gt;</c> block) and its history.
/// Every piece of report text is escaped (see <see cref="MarkdownText"/>), so a hostile name cannot break a table.
/// </summary>
/// <seealso href="https://github.github.com/gfm/"/>
public static class MarkdownRenderer
{
    private const int EvidenceLimit = 5;

    /// <summary>The horizontal rule <see cref="RenderMany"/> puts between reports.</summary>
    public const string ReportSeparator = "\n---\n\n";

    /// <summary>Renders one report as GitHub-flavoured Markdown.</summary>
    public static string Render(AuditReport report)
    {
        var text = new StringBuilder();
        var companies = ReportLabels.CompanyNames(report);
        var functions = ReportLabels.FunctionNames(report);

        text.Append("# Chokepoint audit: ").Append(MarkdownText.Inline(report.Domain));
        text.Append(" (grade ").Append(MarkdownText.Inline(ReportLabels.Grade(report))).AppendLine(")");
        text.AppendLine();
        foreach (var state in report.Status)
        {
            text.Append("> [!WARNING]\n> **").Append(MarkdownText.Inline(state.Kind.ToWord().Replace('-', ' ').ToUpperInvariant())).Append(":** ")
                .AppendLine(MarkdownText.Inline(state.Text));
            text.AppendLine();
        }

        text.Append("Network: ").Append(MarkdownText.Inline(report.Network)).Append(" · collected ")
            .Append(ReportLabels.CollectedAt(report)).Append(" · report version ").AppendLine(MarkdownText.Inline(report.ReportVersion));
        text.AppendLine();
        EntryPointNote.AppendMarkdown(text, report);
        if (ReportLabels.GradeExplanation(report) is { } explanation)
        {
            text.Append("> **Grade ").Append(MarkdownText.Inline(report.Grade ?? (report.GradeBound is { } bound ? bound + " or worse" : "withheld"))).Append(":** ")
                .AppendLine(MarkdownText.Inline(explanation));
            text.AppendLine();
        }

        AppendChokepoints(text, report, functions);
        AppendFunctions(text, report, companies);
        AppendLayers(text, report);
        AppendRecovery(text, report);
        return text.ToString();
    }

    /// <summary>Renders several reports, separated by a horizontal rule.</summary>
    public static string RenderMany(IEnumerable<AuditReport> reports) =>
        string.Join(ReportSeparator, reports.Select(Render));

    private static void AppendChokepoints(StringBuilder text, AuditReport report, Dictionary<string, string> functions)
    {
        text.AppendLine("## Chokepoints");
        text.AppendLine();
        if (report.Chokepoints.Count == 0)
        {
            text.AppendLine("No single company can alone break a function of this site.");
            text.AppendLine();
            return;
        }

        text.AppendLine("Companies that can alone break one or more of the site's functions.");
        text.AppendLine();
        text.AppendLine("| Company | Functions | Severity | Time to recover |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var chokepoint in report.Chokepoints)
        {
            AppendRow(
                text,
                MarkdownText.Cell(chokepoint.Entity.Name),
                MarkdownText.Cell(string.Join(", ", chokepoint.Functions.Select(id => ReportLabels.NameOf(functions, id)))),
                "**" + MarkdownText.Cell(chokepoint.Severity.ToWord()) + "**" +
                    (ReportLabels.Inherent(chokepoint) is { } inherent ? " (" + MarkdownText.Cell(inherent) + ")" : string.Empty),
                MarkdownText.Cell(ReportLabels.TimeToRecover(chokepoint)));
        }

        text.AppendLine();
    }

    private static void AppendFunctions(StringBuilder text, AuditReport report, Dictionary<string, string> companies)
    {
        if (report.Functions.Count == 0)
        {
            return;
        }

        text.AppendLine("## Functions");
        text.AppendLine();
        text.AppendLine("| Function | Importance | Coverage | Single points of failure | Pairs that together break it |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var function in report.Functions)
        {
            var singles = function.SinglePoints.Select(id => ReportLabels.NameOf(companies, id)).ToList();
            var pairs = function.Pairs.Select(pair => string.Join(" + ", pair.Select(id => ReportLabels.NameOf(companies, id)))).ToList();
            AppendRow(
                text,
                MarkdownText.Cell(function.Name),
                MarkdownText.Cell(function.Importance.ToWord()),
                function.Coverage == Coverage.Observed ? "observed"
                    : MarkdownText.Cell(ReportLabels.Coverage(function.Coverage)) + (function.Gaps.Count == 0 ? string.Empty : ": " + MarkdownText.CellLines([.. function.Gaps.Take(3)])),
                function.Coverage == Coverage.NotObserved ? "not graded" : singles.Count == 0 ? "none" : MarkdownText.CellLines(singles),
                pairs.Count == 0 ? "none" : MarkdownText.CellLines(pairs));
        }

        text.AppendLine();
    }

    private static void AppendLayers(StringBuilder text, AuditReport report)
    {
        text.AppendLine("## Dependencies by layer");
        text.AppendLine();
        foreach (var layer in report.Layers)
        {
            text.Append("### ").Append(MarkdownText.Inline(ReportLabels.LayerTitle(layer.Layer)))
                .AppendLine(layer.Coverage == Coverage.Observed ? string.Empty : " (" + ReportLabels.Coverage(layer.Coverage) + ")");
            text.AppendLine();
            foreach (var absent in layer.Absent)
            {
                text.Append("Observed: ").AppendLine(MarkdownText.Inline(absent.Text));
                text.AppendLine();
            }

            foreach (var note in layer.Notes)
            {
                text.Append("Note: ").AppendLine(MarkdownText.Inline(note));
                text.AppendLine();
            }

            if (layer.Dependencies.Count == 0 && layer.Unobserved.Count == 0)
            {
                text.AppendLine(layer.Absent.Count == 0 ? "No dependency found." : "No dependency: the names asked do not exist.");
                text.AppendLine();
                continue;
            }

            if (layer.Dependencies.Count > 0)
            {
                text.AppendLine("| Company | Service / provider | Third party? | Redundant / single | Evidence |");
                text.AppendLine("| --- | --- | --- | --- | --- |");
                foreach (var dependency in layer.Dependencies)
                {
                    AppendDependencyRow(text, dependency, upstream: false);
                    foreach (var upstream in dependency.DependsOn)
                    {
                        AppendDependencyRow(text, upstream, upstream: true);
                    }
                }

                text.AppendLine();
            }

            if (layer.Unobserved.Count > 0)
            {
                text.AppendLine("Not observed:");
                text.AppendLine();
                foreach (var missing in layer.Unobserved)
                {
                    text.Append("- **").Append(MarkdownText.Inline(missing.What)).Append("**: ")
                        .AppendLine(MarkdownText.Inline(missing.Reason));
                }

                text.AppendLine();
            }
        }
    }

    private static void AppendRecovery(StringBuilder text, AuditReport report)
    {
        if (report.Chokepoints.Count == 0)
        {
            return;
        }

        text.AppendLine("## Recovery and history");
        text.AppendLine();
        foreach (var chokepoint in report.Chokepoints)
        {
            text.Append("### ").Append(MarkdownText.Inline(chokepoint.Entity.Name)).Append(" (")
                .Append(MarkdownText.Inline(chokepoint.Severity.ToWord())).AppendLine(")");
            text.AppendLine();
            if (chokepoint.Services.Count > 0)
            {
                text.Append("Services: ").AppendLine(MarkdownText.Inline(string.Join(", ", chokepoint.Services)));
                text.AppendLine();
            }

            foreach (var indirect in chokepoint.Indirect)
            {
                text.Append("Indirect: ").AppendLine(MarkdownText.Inline(indirect));
                text.AppendLine();
            }

            if (chokepoint.TimeToRecover is { } recovery)
            {
                text.Append("<details><summary>Time to recover: ").Append(MarkdownText.Html(ReportLabels.TimeToRecover(chokepoint)))
                    .AppendLine("</summary>");
                text.AppendLine();
                if (recovery.Steps.Count > 0)
                {
                    text.AppendLine("Steps:");
                    text.AppendLine();
                    var number = 1;
                    foreach (var step in recovery.Steps)
                    {
                        text.Append(number++).Append(". ").AppendLine(MarkdownText.Inline(step, startsBlock: true));
                    }

                    text.AppendLine();
                }

                if (recovery.Assumptions.Count > 0)
                {
                    text.AppendLine("Assumptions:");
                    text.AppendLine();
                    foreach (var assumption in recovery.Assumptions)
                    {
                        text.Append("- ").AppendLine(MarkdownText.Inline(assumption, startsBlock: true));
                    }

                    text.AppendLine();
                }

                text.AppendLine("</details>");
                text.AppendLine();
            }
            else
            {
                text.AppendLine("Time to recover: not estimated.");
                text.AppendLine();
            }

            var history = ReportLabels.History(chokepoint);
            if (history.Count == 0)
            {
                text.AppendLine("History: no recorded case of this company ending service to customers.");
            }
            else
            {
                text.AppendLine("History:");
                text.AppendLine();
                foreach (var (line, cases) in history)
                {
                    text.Append("- ").AppendLine(MarkdownText.Inline(line, startsBlock: true));
                    foreach (var item in cases)
                    {
                        text.Append("  - ").AppendLine(MarkdownText.Inline(item, startsBlock: true));
                    }
                }
            }

            text.AppendLine();
        }
    }

    /// <summary>One row: a dependency of the site, or (<paramref name="upstream"/>) what its provider relies on, one level down.</summary>
    private static void AppendDependencyRow(StringBuilder text, Dependency dependency, bool upstream)
    {
        var evidence = ReportLabels.EvidenceLines(dependency);
        var shown = evidence.Take(EvidenceLimit).ToList();
        if (evidence.Count > EvidenceLimit)
        {
            shown.Add($"+{evidence.Count - EvidenceLimit} more");
        }

        shown.AddRange(FactLabels.Lines(dependency));

        AppendRow(
            text,
            MarkdownText.Cell(upstream ? ReportLabels.UpstreamCompany(dependency) : ReportLabels.Company(dependency)),
            MarkdownText.Cell(upstream ? ReportLabels.UpstreamServiceAndProvider(dependency) : ReportLabels.ServiceAndProvider(dependency)),
            MarkdownText.Cell(upstream ? ReportLabels.UpstreamThirdParty(dependency) : ReportLabels.ThirdParty(dependency)),
            upstream ? ReportLabels.UpstreamRedundancy(dependency) : dependency.Redundant ? "redundant" : "**single**",
            shown.Count == 0 ? "none recorded" : MarkdownText.CellLines(shown));
    }

    private static void AppendRow(StringBuilder text, params string[] cells)
    {
        text.Append('|');
        foreach (var cell in cells)
        {
            text.Append(' ').Append(cell).Append(" |");
        }

        text.AppendLine();
    }
}
