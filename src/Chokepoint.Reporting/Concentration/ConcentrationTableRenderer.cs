using Chokepoint.Analysis.Concentration;
using Chokepoint.Reporting.Table;
using Spectre.Console;
using Spectre.Console.Rendering;
using static Chokepoint.Reporting.Table.TerminalStyles;

namespace Chokepoint.Reporting.Concentration;

/// <summary>
/// Renders a concentration summary of many sites as a terminal table (Spectre.Console), as TableRenderer does for
/// one report: the totals and headlines, then per layer its counts, its top companies with their shares of the
/// observed sites, CR3 and HHI, then the functions, then the companies that can break the most sites. Every value
/// from the report (names, ids, history) is escaped (<see cref="TerminalEscaping"/>) and drawn as text, never markup.
/// </summary>
public static class ConcentrationTableRenderer
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The concentration summary.</param>
    /// <param name="options">Width, colour and escaping of the terminal.</param>
    /// <returns>The rendered text.</returns>
    public static string Render(ConcentrationReport report, TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        using var canvas = new TerminalCanvas(options);
        Summary(canvas, report);
        foreach (var layer in report.Layers)
        {
            Layer(canvas, report, layer);
        }

        Functions(canvas, report);
        Companies(canvas, report);
        canvas.Line();
        canvas.Write(Value("How to read this (every count and share defined): " + ConcentrationLabels.DocsPointer, Dim));
        return canvas.ToString();
    }

    private static void Summary(TerminalCanvas canvas, ConcentrationReport report)
    {
        canvas.Write(new Rows(
            Value($"Chokepoint concentration across {ConcentrationLabels.Count(report.Sites)} site{(report.Sites == 1 ? "" : "s")}", Title),
            Value(ConcentrationLabels.Totals(report), Dim)));
        if (report.Sites == 0)
        {
            canvas.Line();
            canvas.Write(Value("No site was added: there is nothing to summarise.", Warn));
        }

        if (report.Headlines.Count == 0)
        {
            return;
        }

        canvas.Line();
        var grid = LabelGrid();
        foreach (var headline in report.Headlines)
        {
            grid.AddRow(Value(headline.Name + ":", Title), Value(ConcentrationLabels.Headline(headline)));
        }

        canvas.Write(grid);
    }

    private static void Layer(TerminalCanvas canvas, ConcentrationReport report, LayerConcentration layer)
    {
        canvas.Line();
        canvas.Write(Heading(ConcentrationLabels.LayerTitle(layer.Layer)));
        canvas.Write(Value(ConcentrationLabels.Observed(layer.Observed, layer.Incomplete), layer.Observed == 0 ? Warn : Plain));
        if (layer.Observed == 0)
        {
            return;
        }

        canvas.Write(Value(
            $"using a third party: {ConcentrationLabels.OfTotal(layer.UsingThirdParty, layer.Observed)} · critical: {ConcentrationLabels.OfTotal(layer.Critical, layer.Observed)}"));
        var uses = ConcentrationLabels.Ranked(report, layer.Uses);
        if (uses.Count == 0)
        {
            canvas.Write(Value("no company is used by an observed site", Dim));
            return;
        }

        var table = new Spectre.Console.Table { Border = TableBorder.Rounded, BorderStyle = Dim };
        table.AddColumn(new TableColumn(Value("Company", Title)));
        table.AddColumn(new TableColumn(Value("Uses", Title)).RightAligned());
        table.AddColumn(new TableColumn(Value("Share", Title)).RightAligned());
        table.AddColumn(new TableColumn(Value("Critical", Title)).RightAligned());
        table.AddColumn(new TableColumn(Value("Share", Title)).RightAligned());
        foreach (var company in uses.Take(ConcentrationLabels.ListLimit))
        {
            var critical = layer.CriticalOn.TryGetValue(company.Id, out var count) ? count : 0;
            table.AddRow(
                Value(company.Name, Title),
                Value(ConcentrationLabels.Count(company.Count)),
                Value(ConcentrationLabels.Percent(company.Count, layer.Observed)),
                Value(ConcentrationLabels.Count(critical), critical > 0 ? Warn : Plain),
                Value(ConcentrationLabels.Percent(critical, layer.Observed), critical > 0 ? Warn : Plain));
        }

        canvas.Write(table);
        if (ConcentrationLabels.More(uses, "uses") is { } more)
        {
            canvas.Write(Value(more, Dim));
        }

        var hhi = ConcentrationLabels.Hhi(layer.Uses);
        canvas.Write(Value(ConcentrationLabels.Indices(ConcentrationLabels.Top3(layer.Uses), hhi, "uses"), hhi > ConcentrationLabels.HighlyConcentrated ? Bad : Plain));
        canvas.Write(Value(ConcentrationLabels.LayerCaption(layer), Dim));
    }

    private static void Functions(TerminalCanvas canvas, ConcentrationReport report)
    {
        if (report.Functions.Count == 0)
        {
            return;
        }

        canvas.Line();
        canvas.Write(Heading("Functions: companies that are a single point of failure"));
        // Each function's name on its own line and its counts indented below: the company lists are wider than any
        // label column would leave them.
        var first = true;
        foreach (var function in report.Functions)
        {
            if (!first)
            {
                canvas.Line();
            }

            first = false;

            var lines = new List<IRenderable>
            {
                Value(ConcentrationLabels.Observed(function.Observed, function.Incomplete), function.Observed == 0 ? Warn : Dim),
            };
            if (function.Observed > 0)
            {
                lines.Add(Value("critical (a third-party single point): " + ConcentrationLabels.OfTotal(function.Critical, function.Observed)));
                var singles = ConcentrationLabels.Ranked(report, function.CriticalOn);
                lines.AddRange(singles.Take(ConcentrationLabels.ListLimit).Select(company => (IRenderable)Join(
                    ("  " + company.Name, Plain),
                    (": " + ConcentrationLabels.OfTotal(company.Count, function.Observed), Dim))));
                if (ConcentrationLabels.More(singles, "single points") is { } more)
                {
                    lines.Add(Value("  " + more, Dim));
                }

                if (singles.Count > 0)
                {
                    lines.Add(Value(ConcentrationLabels.Indices(ConcentrationLabels.Top3(function.CriticalOn), ConcentrationLabels.Hhi(function.CriticalOn), "single points"), Dim));
                }
            }

            canvas.Write(Value(string.IsNullOrWhiteSpace(function.Name) ? function.Id : function.Name, Title));
            canvas.Write(new Padder(Lines(lines), new Padding(2, 0, 0, 0)));
        }
    }

    private static void Companies(TerminalCanvas canvas, ConcentrationReport report)
    {
        var companies = ConcentrationLabels.Companies(report);
        if (companies.Count == 0)
        {
            return;
        }

        canvas.Line();
        canvas.Write(Heading("Companies that alone can break the most sites"));
        var grid = LabelGrid();
        var rank = 0;
        foreach (var company in companies.Take(ConcentrationLabels.ListLimit))
        {
            if (rank++ > 0)
            {
                grid.AddEmptyRow();
            }

            var lines = new List<IRenderable>
            {
                Value(ConcentrationLabels.NameOf(report, company), Title),
                Value($"uses {ConcentrationLabels.Count(company.Uses)} · breaks {ConcentrationLabels.Count(company.Breaks)} (inherent {ConcentrationLabels.Count(company.BreaksInherent)}, "
                    + $"indirect only {ConcentrationLabels.Count(company.BreaksIndirectOnly)}) · amplification {ConcentrationLabels.Amplification(company.Amplification)}"),
            };
            if (company.Functions.Count > 0)
            {
                lines.Add(Value("functions: " + string.Join(", ", company.Functions
                    .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => pair.Key + ": " + ConcentrationLabels.Count(pair.Value))), Dim));
            }

            if (company.Layers.Count > 0)
            {
                lines.Add(Value("layers: " + string.Join(", ", company.Layers.Select(ConcentrationLabels.LayerTitle)), Dim));
            }

            lines.AddRange(company.History.Select(line => Value("history: " + line, Dim)));
            grid.AddRow(Value(ConcentrationLabels.Count(rank) + ".", company.Breaks > 0 ? Bad : Plain), Lines(lines));
        }

        canvas.Write(grid);
        if (companies.Count > ConcentrationLabels.ListLimit)
        {
            canvas.Write(Value($"and {ConcentrationLabels.Count(companies.Count - ConcentrationLabels.ListLimit)} more companies (all of them in the JSON view)", Dim));
        }
    }
}
