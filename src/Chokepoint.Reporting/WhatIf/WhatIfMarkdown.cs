using System.Text;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.WhatIf;

/// <summary>
/// The what-if as GitHub-flavoured Markdown, for an issue or a wiki page: what the dropped companies supply, a table
/// of the functions that fail or degrade with the path that explains each and its time to recover, then each
/// replacement once with its steps and assumptions. Every value from the report is escaped (<see cref="MarkdownText"/>).
/// </summary>
public static class WhatIfMarkdown
{
    /// <summary>The Markdown text of <paramref name="report"/>.</summary>
    public static string Render(WhatIfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var names = result.Dropped.ToDictionary(d => d.CompanyId, d => d.CompanyName, StringComparer.Ordinal);
        string Name(string id) => names.GetValueOrDefault(id, id);

        var builder = new StringBuilder();
        builder.Append("# What if ").Append(MarkdownText.Inline(string.Join(" and ", result.DroppedCompanyIds.Select(Name))))
            .Append(" stopped serving ").Append(MarkdownText.Inline(result.Domain)).AppendLine("?").AppendLine();
        foreach (var line in result.Dropped.Select(d => d.NothingChanges).OfType<string>())
        {
            builder.Append("- ").AppendLine(MarkdownText.Inline(line));
        }

        if (result.NothingChanges)
        {
            return builder.ToString();
        }

        if (result.Dropped.Any(d => d.NothingChanges is not null))
        {
            builder.AppendLine();
        }

        var affected = result.Functions.Where(f => f.Outcome != OutcomeKind.Unaffected).ToList();
        if (affected.Count == 0)
        {
            builder.AppendLine("No function fails or degrades.");
        }
        else
        {
            builder.AppendLine("| Outcome | Function | Why | Time to recover |").AppendLine("| --- | --- | --- | --- |");
            foreach (var function in affected)
            {
                var recovery = report.RecoveryOf(function.FunctionId) is { } r
                    ? $"{r.Range} ({string.Join(", ", r.RecoveryIds)})"
                    : "";
                builder.Append("| **").Append(function.Outcome == OutcomeKind.Fails ? "fails" : "degrades").Append("** | ")
                    .Append(MarkdownText.Cell(function.FunctionName)).Append(" | ")
                    .Append(function.Path.Count == 0 ? " " : MarkdownText.CellLines(function.Path)).Append(" | ")
                    .Append(MarkdownText.Cell(recovery)).AppendLine(" |");
            }
        }

        var unaffected = result.Functions.Where(f => f.Outcome == OutcomeKind.Unaffected).Select(f => f.FunctionName).ToList();
        if (unaffected.Count > 0)
        {
            builder.AppendLine().Append("Unaffected: ").Append(MarkdownText.Inline(string.Join(", ", unaffected))).AppendLine(".");
        }

        if (report.Recoveries.Count == 0)
        {
            return builder.ToString();
        }

        var functionNames = result.Functions.ToDictionary(f => f.FunctionId, f => f.FunctionName, StringComparer.Ordinal);
        builder.AppendLine().AppendLine("## Replacements, each once");
        foreach (var recovery in report.Recoveries)
        {
            builder.AppendLine().Append("### ").Append(MarkdownText.Inline(recovery.Id)).Append(": replace ")
                .Append(MarkdownText.Inline(Name(recovery.CompanyId))).Append("'s ").Append(MarkdownText.Inline(recovery.Role))
                .Append(" (").Append(MarkdownText.Inline(recovery.Time.Range)).AppendLine(")").AppendLine();
            builder.Append("Restores: ").Append(MarkdownText.Inline(string.Join(", ", recovery.FunctionIds.Select(id => functionNames.GetValueOrDefault(id, id)))))
                .AppendLine(".").AppendLine();
            var number = 1;
            foreach (var step in recovery.Time.Steps)
            {
                builder.Append(number++).Append(". ").AppendLine(MarkdownText.Inline(step.ToString()));
            }

            if (recovery.Time.Steps.Count > 0 && recovery.Time.Assumptions.Count > 0)
            {
                builder.AppendLine();
            }

            foreach (var assumption in recovery.Time.Assumptions)
            {
                builder.Append("- Assumed: ").AppendLine(MarkdownText.Inline(assumption));
            }
        }

        return builder.ToString();
    }
}
