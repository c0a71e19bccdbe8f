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
    /// A line for each dropped company that changes nothing, each function's outcome with the path that explains it
    /// and its time to recover, then each replacement once with its steps and the functions it is part of restoring.
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
                builder.Append("      time to recover: ").Append(recovery.Range).Append(" (").Append(string.Join(", ", recovery.RecoveryIds)).AppendLine(" below)");
            }
        }

        if (report.Recoveries.Count > 0)
        {
            builder.AppendLine().AppendLine("Replacements, each once");
        }

        var names = result.Functions.ToDictionary(f => f.FunctionId, f => f.FunctionName, StringComparer.Ordinal);
        foreach (var recovery in report.Recoveries)
        {
            builder.Append("  ").Append(recovery.Id).Append(": ").Append(recovery.CompanyId).Append(' ').Append(recovery.Role).Append(", ").Append(recovery.Time.Range)
                .Append("; for ").AppendLine(string.Join(", ", recovery.FunctionIds.Select(id => $"\"{names.GetValueOrDefault(id, id)}\"")));
            foreach (var step in recovery.Time.Steps)
            {
                builder.Append("      - ").AppendLine(step.ToString());
            }

            foreach (var assumption in recovery.Time.Assumptions)
            {
                builder.Append("      assumed: ").AppendLine(assumption);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The what-if as JSON: the dropped companies with where each stands, each function's outcome, path and the id of
    /// its time to recover (naming its replacements), and each replacement once with its steps.
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
                timeToRecover = report.RecoveryOf(f.FunctionId) is { } r
                    ? new { low = r.Low, high = r.High, range = r.Range, openEnded = r.OpenEnded, companies = r.CompanyIds, recoveries = r.RecoveryIds }
                    : null,
            }),
            recoveries = report.Recoveries.Select(r => new
            {
                id = r.Id,
                company = r.CompanyId,
                role = r.Role,
                functions = r.FunctionIds,
                low = r.Time.Low,
                high = r.Time.High,
                range = r.Time.Range,
                openEnded = r.Time.OpenEnded,
                steps = r.Time.Steps.Select(s => s.ToString()),
                assumptions = r.Time.Assumptions,
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
