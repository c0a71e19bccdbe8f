using System.Text;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Reporting.Markdown;

namespace Chokepoint.Reporting.Concentration;

/// <summary>
/// Renders a concentration summary of many sites as a Markdown document: totals and headlines, "How to read this",
/// one section per layer (counts, top companies with shares of the observed sites, CR3, HHI), the functions and the
/// companies that can break the most sites. Every value from the report is escaped (<see cref="MarkdownText"/>).
/// </summary>
public static class ConcentrationMarkdownRenderer
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The concentration summary.</param>
    /// <returns>The rendered text.</returns>
    public static string Render(ConcentrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# Chokepoint concentration across ").Append(ConcentrationLabels.Count(report.Sites)).AppendLine(report.Sites == 1 ? " site" : " sites");
        text.AppendLine();
        text.AppendLine(MarkdownText.Inline(ConcentrationLabels.Totals(report), startsBlock: true));
        text.AppendLine();
        if (report.Sites == 0)
        {
            text.AppendLine("No site was added: there is nothing to summarise.");
            text.AppendLine();
        }

        if (report.Headlines.Count > 0)
        {
            text.AppendLine("## Headlines");
            text.AppendLine();
            foreach (var headline in report.Headlines)
            {
                text.Append("- **").Append(MarkdownText.Inline(headline.Name)).Append(":** ").AppendLine(MarkdownText.Inline(ConcentrationLabels.Headline(headline)));
            }

            text.AppendLine();
        }

        AppendDefinitions(text);
        text.AppendLine("## Layers");
        text.AppendLine();
        foreach (var layer in report.Layers)
        {
            AppendLayer(text, report, layer);
        }

        AppendFunctions(text, report);
        AppendCompanies(text, report);
        return text.ToString();
    }

    private static void AppendDefinitions(StringBuilder text)
    {
        text.AppendLine("<details>");
        text.AppendLine("<summary>How to read this</summary>");
        text.AppendLine();
        foreach (var (term, meaning) in ConcentrationLabels.Definitions)
        {
            text.Append("- **").Append(MarkdownText.Inline(term)).Append(":** ").AppendLine(MarkdownText.Inline(meaning));
        }

        text.AppendLine();
        text.AppendLine("</details>");
        text.AppendLine();
    }

    private static void AppendLayer(StringBuilder text, ConcentrationReport report, LayerConcentration layer)
    {
        text.Append("### ").AppendLine(MarkdownText.Inline(ConcentrationLabels.LayerTitle(layer.Layer)));
        text.AppendLine();
        text.Append(MarkdownText.Inline(Capitalise(ConcentrationLabels.Observed(layer.Observed, layer.Incomplete)), startsBlock: true)).AppendLine(".");
        if (layer.Observed == 0)
        {
            text.AppendLine();
            return;
        }

        text.Append("Using a third party: ").Append(MarkdownText.Inline(ConcentrationLabels.OfTotal(layer.UsingThirdParty, layer.Observed)))
            .Append(" · critical: ").Append(MarkdownText.Inline(ConcentrationLabels.OfTotal(layer.Critical, layer.Observed))).AppendLine(".");
        text.AppendLine();
        var uses = ConcentrationLabels.Ranked(report, layer.Uses);
        if (uses.Count == 0)
        {
            text.AppendLine("No company is used by an observed site.");
            text.AppendLine();
            return;
        }

        text.AppendLine("| Company | Uses | Share | Critical | Share |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var company in uses.Take(ConcentrationLabels.ListLimit))
        {
            var critical = layer.CriticalOn.TryGetValue(company.Id, out var count) ? count : 0;
            AppendRow(
                text,
                MarkdownText.Cell(company.Name),
                ConcentrationLabels.Count(company.Count),
                ConcentrationLabels.Percent(company.Count, layer.Observed),
                ConcentrationLabels.Count(critical),
                ConcentrationLabels.Percent(critical, layer.Observed));
        }

        text.AppendLine();
        if (ConcentrationLabels.More(uses, "uses") is { } more)
        {
            text.AppendLine(MarkdownText.Inline(Capitalise(more), startsBlock: true) + ".");
            text.AppendLine();
        }

        text.Append(MarkdownText.Inline(Capitalise(ConcentrationLabels.Indices(ConcentrationLabels.Top3(layer.Uses), ConcentrationLabels.Hhi(layer.Uses), "uses")), startsBlock: true)).AppendLine(".");
        text.AppendLine();
        text.Append('*').Append(MarkdownText.Inline(ConcentrationLabels.LayerCaption(layer))).AppendLine("*");
        text.AppendLine();
    }

    private static void AppendFunctions(StringBuilder text, ConcentrationReport report)
    {
        if (report.Functions.Count == 0)
        {
            return;
        }

        text.AppendLine("## Functions");
        text.AppendLine();
        text.AppendLine("A company is a single point of failure of a function on a site when it alone can break it there. Shares are of the sites whose function was observed.");
        text.AppendLine();
        text.AppendLine("| Function | Observed | Incomplete | Critical | Single points (sites, share) | CR3 | HHI |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var function in report.Functions)
        {
            var singles = ConcentrationLabels.Ranked(report, function.CriticalOn);
            var lines = singles.Take(ConcentrationLabels.ListLimit).Select(company => $"{company.Name}: {ConcentrationLabels.OfTotal(company.Count, function.Observed)}").ToList();
            if (ConcentrationLabels.More(singles, "single points") is { } more)
            {
                lines.Add(more);
            }

            var observed = function.Observed > 0;
            AppendRow(
                text,
                MarkdownText.Cell(string.IsNullOrWhiteSpace(function.Name) ? function.Id : function.Name),
                observed ? ConcentrationLabels.Count(function.Observed) : "not observed on any site",
                ConcentrationLabels.Count(function.Incomplete),
                observed ? ConcentrationLabels.OfTotal(function.Critical, function.Observed) : ConcentrationLabels.NoShare,
                lines.Count == 0 ? "none" : MarkdownText.CellLines(lines),
                singles.Count == 0 ? ConcentrationLabels.NoShare : ConcentrationLabels.Percent(ConcentrationLabels.Top3(function.CriticalOn)),
                singles.Count == 0 ? ConcentrationLabels.NoShare : ConcentrationLabels.Hhi(ConcentrationLabels.Hhi(function.CriticalOn)));
        }

        text.AppendLine();
    }

    private static void AppendCompanies(StringBuilder text, ConcentrationReport report)
    {
        var companies = ConcentrationLabels.Companies(report);
        if (companies.Count == 0)
        {
            return;
        }

        text.AppendLine("## Companies that alone can break the most sites");
        text.AppendLine();
        text.AppendLine("| Company | Uses | Breaks | Of which inherent | Indirect only | Amplification | Functions | Layers |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        var shown = companies.Take(ConcentrationLabels.ListLimit).ToList();
        foreach (var company in shown)
        {
            var functions = company.Functions
                .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => pair.Key + ": " + ConcentrationLabels.Count(pair.Value));
            AppendRow(
                text,
                MarkdownText.Cell(ConcentrationLabels.NameOf(report, company)),
                ConcentrationLabels.Count(company.Uses),
                "**" + ConcentrationLabels.Count(company.Breaks) + "**",
                ConcentrationLabels.Count(company.BreaksInherent),
                ConcentrationLabels.Count(company.BreaksIndirectOnly),
                ConcentrationLabels.Amplification(company.Amplification),
                company.Functions.Count == 0 ? "none" : MarkdownText.CellLines(functions),
                company.Layers.Count == 0 ? "none" : MarkdownText.Cell(string.Join(", ", company.Layers.Select(ConcentrationLabels.LayerTitle))));
        }

        text.AppendLine();
        if (companies.Count > shown.Count)
        {
            text.Append("And ").Append(ConcentrationLabels.Count(companies.Count - shown.Count)).AppendLine(" more companies (all of them in the JSON view).");
            text.AppendLine();
        }

        var histories = shown.Where(company => company.History.Count > 0).ToList();
        if (histories.Count == 0)
        {
            return;
        }

        text.AppendLine("### History");
        text.AppendLine();
        foreach (var company in histories)
        {
            text.Append("- **").Append(MarkdownText.Inline(ConcentrationLabels.NameOf(report, company))).AppendLine("**");
            foreach (var line in company.History)
            {
                text.Append("  - ").AppendLine(MarkdownText.Inline(line, startsBlock: true));
            }
        }

        text.AppendLine();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

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
