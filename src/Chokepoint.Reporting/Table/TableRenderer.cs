using System.Text;
using Chokepoint.Model;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.Table;

/// <summary>
/// The terminal view: one block per layer listing each company, its service, the evidence, whether it is a third
/// party, and whether it is redundant or single; then what was not observed, the chokepoints and the grade.
/// </summary>
public static class TableRenderer
{
    private const int EvidenceLimit = 3;

    /// <summary>Renders a report as plain text for a terminal.</summary>
    public static string Render(AuditReport report)
    {
        var text = new StringBuilder();
        text.Append("Chokepoint audit of ").Append(report.Domain)
            .Append(" (").Append(report.Network).Append(", ").Append(report.CollectedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).AppendLine(")");
        // States come first, before any grade: a site on hold is offline whatever its grade says.
        foreach (var state in report.Status)
        {
            text.Append("!! ").AppendLine(ReportLabels.Banner(state));
        }

        EntryPointNote.AppendTable(text, report);
        // A report that is not graded says so and why; it never drops the line as if there were nothing to say.
        text.Append("Exposure grade: ").Append(ReportLabels.Grade(report));
        if (report.GradeExplanation is not null)
        {
            text.Append(" - ").Append(report.GradeExplanation);
        }

        text.AppendLine();

        foreach (var layer in report.Layers)
        {
            text.AppendLine();
            text.Append('[').Append(layer.Layer.ToWord().ToUpperInvariant()).Append(']');
            text.AppendLine(layer.Coverage == Coverage.Observed ? string.Empty : " " + ReportLabels.Coverage(layer.Coverage));
            if (layer.Dependencies.Count == 0 && layer.Unobserved.Count == 0)
            {
                text.AppendLine(layer.Absent.Count == 0 ? "  no dependency found" : "  no dependency: the names asked do not exist");
            }

            foreach (var absent in layer.Absent)
            {
                text.Append("  observed: ").AppendLine(absent.Text);
            }

            foreach (var note in layer.Notes)
            {
                text.Append("  note: ").AppendLine(note);
            }

            var rows = layer.Dependencies.SelectMany(dependency => dependency.DependsOn.Select(upstream => new[]
            {
                "  -> " + CompanyLabel(upstream),
                ReportLabels.UpstreamServiceAndProvider(upstream),
                upstream.Classification == Classification.Private ? "provider's own" : upstream.Classification.ToWord(),
                upstream.Classification == Classification.Private ? "-" : upstream.Redundant ? "redundant" : "single",
                EvidenceLabel(upstream),
            }).Prepend(
            [
                CompanyLabel(dependency),
                ReportLabels.ServiceAndProvider(dependency),
                dependency.Classification.ToWord(),
                dependency.Redundant ? "redundant" : "single",
                EvidenceLabel(dependency),
            ])).ToList();
            AppendColumns(text, rows);
            foreach (var missing in layer.Unobserved)
            {
                text.Append("  not observed: ").Append(missing.What).Append(": ").AppendLine(missing.Reason);
            }
        }

        var incomplete = ReportLabels.Incomplete(report).ToList();
        if (incomplete.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("[COVERAGE] functions not fully observed (a not observed function is not graded)");
            foreach (var function in incomplete)
            {
                text.Append("  ").Append(ReportLabels.Coverage(function.Coverage)).Append("  ").Append(function.Name)
                    .Append(" (").Append(function.Importance.ToWord()).AppendLine(")");
                foreach (var gap in function.Gaps.Take(3))
                {
                    text.Append("      ").AppendLine(gap);
                }

                if (function.Gaps.Count > 3)
                {
                    text.Append("      +").Append(function.Gaps.Count - 3).AppendLine(" more");
                }
            }
        }

        if (report.Chokepoints.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("[CHOKEPOINTS] companies that alone can break a function");
            foreach (var chokepoint in report.Chokepoints)
            {
                text.Append("  ").Append(chokepoint.Severity.ToWord().ToUpperInvariant()).Append("  ").Append(chokepoint.Entity.Name)
                    .Append(": ").AppendLine(string.Join(", ", chokepoint.Functions));
                if (ReportLabels.Inherent(chokepoint) is { } inherent)
                {
                    text.Append("      ").AppendLine(inherent);
                }

                foreach (var indirect in chokepoint.Indirect)
                {
                    text.Append("      indirect: ").AppendLine(indirect);
                }

                if (chokepoint.TimeToRecover is { } recovery)
                {
                    text.Append("      time to recover: ").AppendLine(recovery.Summary);
                }

                foreach (var line in chokepoint.History)
                {
                    text.Append("      history: ").AppendLine(line);
                }
            }
        }

        return text.ToString();
    }

    private static string CompanyLabel(Dependency dependency) =>
        dependency.Owner is { } owner && owner.Id != dependency.Entity.Id
            ? $"{dependency.Entity.Name} ({owner.Name})"
            : dependency.Entity.Name;

    private static string EvidenceLabel(Dependency dependency)
    {
        var values = dependency.Evidence.Select(evidence => $"{evidence.Signal} {evidence.Value}").Distinct().ToList();
        return values.Count <= EvidenceLimit
            ? string.Join("; ", values)
            : string.Join("; ", values.Take(EvidenceLimit)) + $"; +{values.Count - EvidenceLimit} more";
    }

    private static void AppendColumns(StringBuilder text, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var widths = Enumerable.Range(0, rows[0].Length - 1)
            .Select(column => Math.Min(40, rows.Max(row => row[column].Length)))
            .ToArray();
        foreach (var row in rows)
        {
            text.Append("  ");
            for (var column = 0; column < row.Length; column++)
            {
                var cell = row[column];
                if (column < widths.Length)
                {
                    cell = cell.Length > widths[column] ? cell[..(widths[column] - 1)] + "~" : cell.PadRight(widths[column]);
                    text.Append(cell).Append("  ");
                }
                else
                {
                    text.Append(cell);
                }
            }

            text.AppendLine();
        }
    }
}
