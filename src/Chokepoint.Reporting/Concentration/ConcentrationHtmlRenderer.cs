using System.Text;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;
using Chokepoint.Reporting.Html;

namespace Chokepoint.Reporting.Concentration;

/// <summary>
/// Renders a concentration summary of many sites as a self-contained HTML page with SVG charts (share per company per
/// layer, a cumulative curve): the totals and headlines, "How to read this", one part per layer (counts, top
/// companies with their shares of the observed sites, CR3, HHI, the two charts), the functions and the companies
/// that can break the most sites. Nothing is fetched and there is no script (the page's Content-Security-Policy
/// forbids both); all report text is HTML-encoded (<see cref="HtmlText"/>); the markup is well-formed XML.
/// </summary>
public static class ConcentrationHtmlRenderer
{
    private const string Caption = " style=\"caption-side: bottom; text-align: left; color: #52606d; font-size: 0.9em; padding-top: 4px;\"";
    private const string Concentrated = " style=\"color: #c0392b; font-weight: 600;\"";

    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The concentration summary.</param>
    /// <returns>The rendered text.</returns>
    public static string Render(ConcentrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new StringBuilder();
        var title = $"Chokepoint concentration across {ConcentrationLabels.Count(report.Sites)} site{(report.Sites == 1 ? "" : "s")}";
        HtmlRenderer.AppendHead(page, title, script: false);
        page.Append("<main>\n<header class=\"summary\">\n<h1>").Append(HtmlText.Encode(title)).Append("</h1>\n");
        page.Append("<p class=\"meta\">").Append(HtmlText.Encode(ConcentrationLabels.Totals(report))).Append("</p>\n");
        page.Append("<nav class=\"sections\" aria-label=\"Sections\"><a href=\"#headlines\">Headlines</a><a href=\"#how-to-read\">How to read this</a>");
        foreach (var layer in report.Layers)
        {
            page.Append("<a href=\"#layer-").Append(HtmlText.Encode(Word(layer.Layer))).Append("\">").Append(HtmlText.Encode(ConcentrationLabels.LayerTitle(layer.Layer))).Append("</a>");
        }

        page.Append("<a href=\"#functions\">Functions</a><a href=\"#companies\">Companies</a></nav>\n</header>\n");
        AppendHeadlines(page, report);
        AppendDefinitions(page);
        page.Append("<section id=\"layers\">\n<h2>Layers</h2>\n");
        foreach (var layer in report.Layers)
        {
            AppendLayer(page, report, layer);
        }

        page.Append("</section>\n");
        AppendFunctions(page, report);
        AppendCompanies(page, report);
        page.Append("</main>\n");
        HtmlRenderer.AppendEnd(page, script: false);
        return page.ToString();
    }

    private static void AppendHeadlines(StringBuilder page, ConcentrationReport report)
    {
        page.Append("<section id=\"headlines\" class=\"first-steps\">\n<h2>Headlines</h2>\n");
        if (report.Sites == 0)
        {
            page.Append("<p class=\"empty\">No site was added: there is nothing to summarise.</p>\n");
        }

        if (report.Headlines.Count == 0)
        {
            page.Append("<p class=\"empty\">No headline measure.</p>\n");
        }
        else
        {
            page.Append("<ul>\n");
            foreach (var headline in report.Headlines)
            {
                page.Append("<li data-headline=\"").Append(HtmlText.Encode(headline.Id)).Append("\"><strong>").Append(HtmlText.Encode(headline.Name)).Append(":</strong> ")
                    .Append(HtmlText.Encode(ConcentrationLabels.Headline(headline))).Append("</li>\n");
            }

            page.Append("</ul>\n");
        }

        page.Append("</section>\n");
    }

    private static void AppendDefinitions(StringBuilder page)
    {
        page.Append("<section id=\"how-to-read\">\n<h2>How to read this</h2>\n<dl>\n");
        foreach (var (term, meaning) in ConcentrationLabels.Definitions)
        {
            page.Append("<dt><strong>").Append(HtmlText.Encode(term)).Append("</strong></dt><dd>").Append(HtmlText.Encode(meaning)).Append("</dd>\n");
        }

        page.Append("</dl>\n</section>\n");
    }

    private static void AppendLayer(StringBuilder page, ConcentrationReport report, LayerConcentration layer)
    {
        var word = HtmlText.Encode(Word(layer.Layer));
        page.Append("<div class=\"layer\" id=\"layer-").Append(word).Append("\" data-layer=\"").Append(word).Append("\">\n<h3>")
            .Append(HtmlText.Encode(ConcentrationLabels.LayerTitle(layer.Layer))).Append("</h3>\n");
        page.Append("<p class=\"").Append(layer.Observed == 0 ? "unobserved" : "observed").Append("\">")
            .Append(HtmlText.Encode(Capitalise(ConcentrationLabels.Observed(layer.Observed, layer.Incomplete)))).Append(".</p>\n");
        if (layer.Observed == 0)
        {
            page.Append("</div>\n");
            return;
        }

        page.Append("<p>Using a third party: ").Append(HtmlText.Encode(ConcentrationLabels.OfTotal(layer.UsingThirdParty, layer.Observed)))
            .Append(" · critical: ").Append(HtmlText.Encode(ConcentrationLabels.OfTotal(layer.Critical, layer.Observed))).Append(".</p>\n");
        var uses = ConcentrationLabels.Ranked(report, layer.Uses);
        if (uses.Count == 0)
        {
            page.Append("<p class=\"empty\">No company is used by an observed site.</p>\n</div>\n");
            return;
        }

        var shown = uses.Take(ConcentrationLabels.ListLimit).ToList();
        page.Append("<table class=\"companies\" data-layer=\"").Append(word).Append("\">\n<caption").Append(Caption).Append('>')
            .Append(HtmlText.Encode(ConcentrationLabels.LayerCaption(layer))).Append("</caption>\n");
        page.Append("<thead><tr><th>Company</th><th>Uses</th><th>Share of observed</th><th>Critical</th><th>Share of observed</th></tr></thead>\n<tbody>\n");
        foreach (var company in shown)
        {
            var critical = layer.CriticalOn.TryGetValue(company.Id, out var count) ? count : 0;
            page.Append("<tr data-company=\"").Append(HtmlText.Encode(company.Id)).Append("\"><td>").Append(HtmlText.Encode(company.Name)).Append("</td>");
            Cell(page, ConcentrationLabels.Count(company.Count));
            Cell(page, ConcentrationLabels.Percent(company.Count, layer.Observed));
            Cell(page, ConcentrationLabels.Count(critical));
            Cell(page, ConcentrationLabels.Percent(critical, layer.Observed));
            page.Append("</tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        if (ConcentrationLabels.More(uses, "uses") is { } more)
        {
            page.Append("<p class=\"muted\">").Append(HtmlText.Encode(Capitalise(more))).Append(".</p>\n");
        }

        AppendIndices(page, ConcentrationLabels.Top3(layer.Uses), ConcentrationLabels.Hhi(layer.Uses), "uses");
        var layerTitle = HtmlText.Encode(ConcentrationLabels.LayerTitle(layer.Layer));
        page.Append("<figure class=\"bars\">\n").Append(ConcentrationSvg.Bars(report, layer, shown)).Append('\n');
        page.Append("<figcaption>").Append(layerTitle).Append(": share of the observed sites that use each company (blue) and that depend on it with no redundancy (red)")
            .Append(uses.Count > shown.Count ? HtmlText.Encode($", top {shown.Count} of {ConcentrationLabels.Count(uses.Count)} companies") : string.Empty)
            .Append(". The same numbers are in the table above.</figcaption>\n</figure>\n");
        page.Append("<figure class=\"curve\">\n").Append(ConcentrationSvg.Curve(layer, uses)).Append('\n');
        page.Append("<figcaption>").Append(layerTitle).Append(": cumulative share of all uses, companies ranked by uses; the circled point is the top three (CR3, ")
            .Append(HtmlText.Encode(ConcentrationLabels.Percent(ConcentrationLabels.Top3(layer.Uses)))).Append("). The closer the curve hugs the top left, the more concentrated the layer.</figcaption>\n</figure>\n");
        page.Append("</div>\n");
    }

    private static void AppendIndices(StringBuilder page, double top3, double hhi, string of)
    {
        page.Append("<p class=\"indices\">Top-3 share (CR3): <strong class=\"cr3\">").Append(HtmlText.Encode(ConcentrationLabels.Percent(top3))).Append("</strong> of ")
            .Append(HtmlText.Encode(of)).Append(" · HHI: <strong class=\"hhi\"")
            .Append(hhi > ConcentrationLabels.HighlyConcentrated ? Concentrated : string.Empty).Append('>')
            .Append(HtmlText.Encode(ConcentrationLabels.Hhi(hhi))).Append("</strong></p>\n");
    }

    private static void AppendFunctions(StringBuilder page, ConcentrationReport report)
    {
        page.Append("<section id=\"functions\">\n<h2>Functions</h2>\n");
        if (report.Functions.Count == 0)
        {
            page.Append("<p class=\"empty\">No function was counted.</p>\n</section>\n");
            return;
        }

        page.Append("<p>A company is a single point of failure of a function on a site when it alone can break it there.</p>\n");
        page.Append("<table class=\"functions\">\n<thead><tr><th>Function</th><th>Observed</th><th>Incomplete</th><th>Critical</th><th>Single points (sites, share of observed)</th><th>CR3</th><th>HHI</th></tr></thead>\n<tbody>\n");
        foreach (var function in report.Functions)
        {
            var singles = ConcentrationLabels.Ranked(report, function.CriticalOn);
            var observed = function.Observed > 0;
            var hhi = ConcentrationLabels.Hhi(function.CriticalOn);
            page.Append("<tr data-function=\"").Append(HtmlText.Encode(function.Id)).Append("\"><td>")
                .Append(HtmlText.Encode(string.IsNullOrWhiteSpace(function.Name) ? function.Id : function.Name)).Append("</td>");
            Cell(page, observed ? ConcentrationLabels.Count(function.Observed) : "not observed on any site");
            Cell(page, ConcentrationLabels.Count(function.Incomplete));
            Cell(page, observed ? ConcentrationLabels.OfTotal(function.Critical, function.Observed) : ConcentrationLabels.NoShare);
            page.Append("<td>");
            if (singles.Count == 0)
            {
                page.Append("none");
            }
            else
            {
                page.Append("<ul class=\"evidence\">");
                foreach (var company in singles.Take(ConcentrationLabels.ListLimit))
                {
                    page.Append("<li>").Append(HtmlText.Encode($"{company.Name}: {ConcentrationLabels.OfTotal(company.Count, function.Observed)}")).Append("</li>");
                }

                if (ConcentrationLabels.More(singles, "single points") is { } more)
                {
                    page.Append("<li class=\"muted\">").Append(HtmlText.Encode(more)).Append("</li>");
                }

                page.Append("</ul>");
            }

            page.Append("</td>");
            Cell(page, singles.Count == 0 ? ConcentrationLabels.NoShare : ConcentrationLabels.Percent(ConcentrationLabels.Top3(function.CriticalOn)));
            page.Append("<td").Append(hhi > ConcentrationLabels.HighlyConcentrated ? Concentrated : string.Empty).Append('>')
                .Append(HtmlText.Encode(singles.Count == 0 ? ConcentrationLabels.NoShare : ConcentrationLabels.Hhi(hhi))).Append("</td>");
            page.Append("</tr>\n");
        }

        page.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendCompanies(StringBuilder page, ConcentrationReport report)
    {
        page.Append("<section id=\"companies\">\n<h2>Companies that alone can break the most sites</h2>\n");
        var companies = ConcentrationLabels.Companies(report);
        if (companies.Count == 0)
        {
            page.Append("<p class=\"empty\">No company was counted.</p>\n</section>\n");
            return;
        }

        var shown = companies.Take(ConcentrationLabels.ListLimit).ToList();
        page.Append("<table class=\"company-list\">\n<thead><tr><th>Company</th><th>Uses</th><th>Breaks</th><th>Of which inherent</th><th>Indirect only</th><th>Amplification</th><th>Functions</th><th>Layers</th><th>History</th></tr></thead>\n<tbody>\n");
        foreach (var company in shown)
        {
            page.Append("<tr data-company=\"").Append(HtmlText.Encode(company.Id)).Append("\"><td>").Append(HtmlText.Encode(ConcentrationLabels.NameOf(report, company))).Append("</td>");
            Cell(page, ConcentrationLabels.Count(company.Uses));
            Cell(page, ConcentrationLabels.Count(company.Breaks));
            Cell(page, ConcentrationLabels.Count(company.BreaksInherent));
            Cell(page, ConcentrationLabels.Count(company.BreaksIndirectOnly));
            Cell(page, ConcentrationLabels.Amplification(company.Amplification));
            Lines(page, company.Functions.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + ": " + ConcentrationLabels.Count(pair.Value)));
            Cell(page, company.Layers.Count == 0 ? "none" : string.Join(", ", company.Layers.Select(ConcentrationLabels.LayerTitle)));
            Lines(page, company.History);
            page.Append("</tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        if (companies.Count > shown.Count)
        {
            page.Append("<p class=\"muted\">").Append(HtmlText.Encode($"And {ConcentrationLabels.Count(companies.Count - shown.Count)} more companies (all of them in the JSON view).")).Append("</p>\n");
        }

        page.Append("</section>\n");
    }

    private static void Cell(StringBuilder page, string text) => page.Append("<td>").Append(HtmlText.Encode(text)).Append("</td>");

    private static void Lines(StringBuilder page, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            page.Append("<td>none</td>");
            return;
        }

        page.Append("<td><ul class=\"evidence\">");
        foreach (var line in list)
        {
            page.Append("<li>").Append(HtmlText.Encode(line)).Append("</li>");
        }

        page.Append("</ul></td>");
    }

    private static string Word(Layer layer) => layer.ToWord();

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
