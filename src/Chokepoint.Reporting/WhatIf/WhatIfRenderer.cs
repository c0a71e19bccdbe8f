using System.Text.Json;
using Chokepoint.Analysis.Scenarios;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Table;
using Spectre.Console;
using Spectre.Console.Rendering;
using static Chokepoint.Reporting.Table.TerminalStyles;

namespace Chokepoint.Reporting.WhatIf;

/// <summary>The views of a what-if: the terminal text and JSON.</summary>
public static class WhatIfRenderer
{
    /// <summary>The terminal view, plain text 80 columns wide; see <see cref="Table(WhatIfReport, TerminalOptions)"/>.</summary>
    public static string Table(WhatIfReport report) => Table(report, TerminalOptions.Plain);

    /// <summary>
    /// The terminal view: a line for each dropped company that changes nothing, each failing or degraded function
    /// with the path that explains it and its time to recover, the unaffected ones on one line, then each
    /// replacement once with its steps and the functions it is part of restoring.
    /// </summary>
    public static string Table(WhatIfReport report, TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var result = report.Result;
        var companies = result.Dropped.ToDictionary(d => d.CompanyId, d => d.CompanyName, StringComparer.Ordinal);
        string Company(string id) => companies.GetValueOrDefault(id, id);
        using var canvas = new TerminalCanvas(options);
        var dropped = result.DroppedCompanyIds.Select(Company).ToList();
        canvas.Write(Join(("What if ", Title), (AndList(dropped), Title), (" stopped serving ", Title), (result.Domain, Title), ("?", Title)));
        foreach (var line in result.Dropped.Select(d => d.NothingChanges).OfType<string>())
        {
            canvas.Write(new Padder(Value(line), new Padding(2, 0, 0, 0)));
        }

        if (result.NothingChanges)
        {
            return canvas.ToString();
        }

        canvas.Line();
        var grid = LabelGrid();
        foreach (var function in result.Functions.Where(f => f.Outcome != OutcomeKind.Unaffected))
        {
            var lines = new List<IRenderable> { Join((function.FunctionName, Title), ($" ({function.Importance.ToWord()})", Dim)) };
            lines.AddRange(function.Path.Select(step => Value(step)));
            if (report.RecoveryOf(function.FunctionId) is { } recovery)
            {
                lines.Add(Join(("back in " + recovery.Range, Plain), (" with " + AndList([.. recovery.RecoveryIds]) + " below", Dim)));
            }

            grid.AddRow(Value(function.Outcome.ToString().ToUpperInvariant(), Outcome(function.Outcome)), Lines(lines));
        }

        var unaffected = result.Functions.Where(f => f.Outcome == OutcomeKind.Unaffected).Select(f => f.FunctionName).ToList();
        if (unaffected.Count > 0)
        {
            grid.AddRow(Value("UNAFFECTED", Good), Value(string.Join(", ", unaffected)));
        }

        canvas.Write(grid);
        if (report.Recoveries.Count == 0)
        {
            return canvas.ToString();
        }

        canvas.Line();
        canvas.Write(Heading("Replacements, each described once"));
        var names = result.Functions.ToDictionary(f => f.FunctionId, f => f.FunctionName, StringComparer.Ordinal);
        var replacements = LabelGrid();
        foreach (var recovery in report.Recoveries)
        {
            var lines = new List<IRenderable>
            {
                Join(($"Replace {Company(recovery.CompanyId)}'s {recovery.Role}", Title), (": " + recovery.Time.Range, Plain)),
                Value("restores " + string.Join(", ", recovery.FunctionIds.Select(id => names.GetValueOrDefault(id, id))), Dim),
            };
            var steps = LabelGrid();
            foreach (var (step, i) in recovery.Time.Steps.Select((step, i) => (step, i)))
            {
                steps.AddRow(Value($"{i + 1}."), Value(step.ToString()));
            }

            lines.Add(steps);
            lines.AddRange(recovery.Time.Assumptions.Select(assumption => Value("assumed: " + assumption, Dim)));
            replacements.AddRow(Value(recovery.Id, Title), Lines(lines));
            replacements.AddEmptyRow();
        }

        canvas.Write(replacements);
        return canvas.ToString();
    }

    private static Style Outcome(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Fails => Bad,
        OutcomeKind.Degrades => Warn,
        _ => Good,
    };

    /// <summary>"A", "A and B", "A, B and C".</summary>
    private static string AndList(List<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

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
