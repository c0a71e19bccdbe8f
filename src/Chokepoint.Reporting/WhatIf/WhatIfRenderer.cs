using System.Text;
using System.Text.Json;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Reporting.WhatIf;

/// <summary>The views of a what-if: the terminal text and JSON.</summary>
public static class WhatIfRenderer
{
    /// <summary>
    /// A line for each dropped company that changes nothing, each function's outcome with the path that explains it,
    /// then each recovery once with the functions it restores.
    /// </summary>
    public static string Table(WhatIfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var builder = new StringBuilder();
        builder.Append("What if ").Append(string.Join(" and ", result.DroppedCompanyIds)).Append(" stopped serving ").Append(result.Domain).AppendLine("?");
        foreach (var line in result.Dropped.Select(d => d.NothingChanges).OfType<string>())
        {
            builder.Append("  ").AppendLine(line);
        }

        if (result.NothingChanges)
        {
            return builder.ToString();
        }

        foreach (var function in result.Functions)
        {
            builder.Append("  ").Append(function.Outcome.ToString().ToUpperInvariant().PadRight(10)).Append(' ').AppendLine(function.FunctionName);
            foreach (var step in function.Path)
            {
                builder.Append("      ").AppendLine(step);
            }

            if (report.RecoveryOf(function.FunctionId) is { } recovery)
            {
                builder.Append("      time to recover: ").Append(recovery.Range).Append(" (").Append(recovery.Id).AppendLine(" below)");
            }
        }

        if (report.Recoveries.Count > 0)
        {
            builder.AppendLine().AppendLine("Time to recover");
        }

        var names = result.Functions.ToDictionary(f => f.FunctionId, f => f.FunctionName, StringComparer.Ordinal);
        foreach (var recovery in report.Recoveries)
        {
            builder.Append("  ").Append(recovery.Id).Append(": ").Append(recovery.Range).Append(" to replace ").Append(string.Join(" and ", recovery.CompanyIds))
                .Append(", restoring ").AppendLine(string.Join(", ", recovery.FunctionIds.Select(id => $"\"{names.GetValueOrDefault(id, id)}\"")));
            foreach (var part in recovery.Parts)
            {
                var label = recovery.Parts.Count > 1 ? $"[{part.CompanyId}] " : string.Empty;
                foreach (var step in part.Steps)
                {
                    builder.Append("      - ").Append(label).AppendLine(step.ToString());
                }

                foreach (var assumption in part.Assumptions)
                {
                    builder.Append("      assumed: ").Append(label).AppendLine(assumption);
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The what-if as JSON: the dropped companies with where each stands, each function's outcome, path and the id of
    /// its recovery, and each recovery once.
    /// </summary>
    public static string Json(WhatIfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        return JsonSerializer.Serialize(new
        {
            domain = result.Domain,
            dropped = result.DroppedCompanyIds,
            companies = result.Dropped.Select(d => new
            {
                id = d.CompanyId,
                name = d.CompanyName,
                standing = Standing(d.Standing),
                services = d.Services,
                note = d.NothingChanges,
            }),
            nothingChanges = result.NothingChanges,
            functions = result.Functions.Select(f => new
            {
                id = f.FunctionId,
                name = f.FunctionName,
                importance = f.Importance.ToWord(),
                outcome = f.Outcome.ToString().ToLowerInvariant(),
                path = f.Path,
                recovery = report.RecoveryOf(f.FunctionId)?.Id,
            }),
            recoveries = report.Recoveries.Select(r => new
            {
                id = r.Id,
                companies = r.CompanyIds,
                functions = r.FunctionIds,
                low = r.Low,
                high = r.High,
                range = r.Range,
                openEnded = r.OpenEnded,
                parts = r.Parts.Select(p => new
                {
                    company = p.CompanyId,
                    low = p.Low,
                    high = p.High,
                    range = p.Range,
                    steps = p.Steps.Select(s => s.ToString()),
                    assumptions = p.Assumptions,
                }),
            }),
        }, ReportJson.Options);
    }

    private static string Standing(SupplierStanding standing) => standing switch
    {
        SupplierStanding.InFunctions => "supplier",
        SupplierStanding.NeededByNoFunction => "needed-by-no-function",
        _ => "not-a-supplier",
    };
}
