using System.Text;
using System.Text.Json;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Reporting.WhatIf;

/// <summary>The views of a what-if: the terminal text and JSON.</summary>
public static class WhatIfRenderer
{
    /// <summary>Each function's outcome, the path that explains it, and for failures the time to recover with its steps.</summary>
    public static string Table(WhatIfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var builder = new StringBuilder();
        builder.Append("What if ").Append(string.Join(" and ", result.DroppedCompanyIds)).Append(" stopped serving ").Append(result.Domain).AppendLine("?");
        foreach (var function in result.Functions)
        {
            builder.Append("  ").Append(function.Outcome.ToString().ToUpperInvariant().PadRight(10)).Append(' ').AppendLine(function.FunctionName);
            foreach (var step in function.Path)
            {
                builder.Append("      ").AppendLine(step);
            }

            if (report.Recoveries.TryGetValue(function.FunctionId, out var recovery))
            {
                builder.Append("      time to recover: ").AppendLine(recovery.Range);
                foreach (var step in recovery.Steps)
                {
                    builder.Append("        - ").AppendLine(step.ToString());
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>The what-if as JSON: the dropped companies, and each function's outcome, path and time to recover.</summary>
    public static string Json(WhatIfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        return JsonSerializer.Serialize(new
        {
            domain = result.Domain,
            dropped = result.DroppedCompanyIds,
            functions = result.Functions.Select(f => new
            {
                id = f.FunctionId,
                name = f.FunctionName,
                importance = f.Importance.ToWord(),
                outcome = f.Outcome.ToString().ToLowerInvariant(),
                path = f.Path,
                timeToRecover = report.Recoveries.TryGetValue(f.FunctionId, out var r)
                    ? new { low = r.Low, high = r.High, range = r.Range, steps = r.Steps.Select(s => s.ToString()), assumptions = r.Assumptions }
                    : null,
            }),
        }, ReportJson.Options);
    }
}
