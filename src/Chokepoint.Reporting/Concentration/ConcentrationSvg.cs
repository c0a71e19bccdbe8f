using System.Globalization;
using System.Text;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Reporting.Html;

namespace Chokepoint.Reporting.Concentration;

/// <summary>
/// The charts of the concentration page, drawn as inline SVG (no script, no external reference), each with a
/// <c>&lt;title&gt;</c>, an <c>aria-label</c> and a <c>&lt;desc&gt;</c> that says in words what it shows. Every bar and
/// point carries its number in a <c>data-</c> attribute, so the picture can be checked against the report.
/// </summary>
internal static class ConcentrationSvg
{
    private const string Blue = "#4a6f99";
    private const string Red = "#c0392b";
    private const string Grey = "#9aa3ad";
    private const string Ink = "#1f2933";
    private const int NameLength = 30;

    /// <summary>The width of the plot area of the bar chart, in SVG units: a share of 1 is a bar this long.</summary>
    public const double BarPlotWidth = 400;

    /// <summary>
    /// Per company, two horizontal bars: its share of the layer's observed sites that use it, and of those critically
    /// dependent on it. Bars are drawn to scale (a share of 1 is <see cref="BarPlotWidth"/> long).
    /// </summary>
    public static string Bars(ConcentrationReport report, LayerConcentration layer, IReadOnlyList<RankedCount> companies)
    {
        const double left = 230, top = 40, row = 40, bar = 13, right = 90;
        var width = left + BarPlotWidth + right;
        var height = top + (row * companies.Count) + 34;
        var title = $"{ConcentrationLabels.LayerTitle(layer.Layer)}: share of the {ConcentrationLabels.Count(layer.Observed)} observed sites using each company, and critically dependent on it";
        var svg = new StringBuilder();
        Open(svg, "bars", width, height, title, string.Join("; ", companies.Select(company =>
        {
            var critical = layer.CriticalOn.TryGetValue(company.Id, out var count) ? count : 0;
            return $"{company.Name}: used by {ConcentrationLabels.OfTotal(company.Count, layer.Observed)}, critical for {ConcentrationLabels.OfTotal(critical, layer.Observed)}";
        })) + ".");

        // Legend and axis.
        svg.Append(Invariant($"<rect x=\"{left}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{Blue}\" />"));
        svg.Append(Invariant($"<text x=\"{left + 18}\" y=\"18\" font-size=\"12\" fill=\"{Ink}\">uses</text>"));
        svg.Append(Invariant($"<rect x=\"{left + 70}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{Red}\" />"));
        svg.Append(Invariant($"<text x=\"{left + 88}\" y=\"18\" font-size=\"12\" fill=\"{Ink}\">critical (no redundancy)</text>\n"));
        var bottom = top + (row * companies.Count);
        for (var tick = 0; tick <= 4; tick++)
        {
            var x = left + (BarPlotWidth * tick / 4);
            svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{top - 6}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"{Grey}\" stroke-width=\"0.5\" />"));
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{bottom + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">{tick * 25}%</text>\n"));
        }

        for (var index = 0; index < companies.Count; index++)
        {
            var company = companies[index];
            var critical = layer.CriticalOn.TryGetValue(company.Id, out var count) ? count : 0;
            var y = top + (row * index);
            svg.Append("<g class=\"company\" data-company=\"").Append(HtmlText.Encode(company.Id)).Append("\">\n");
            svg.Append(Invariant($"<text x=\"{left - 8}\" y=\"{y + bar + 4}\" font-size=\"12\" text-anchor=\"end\" fill=\"{Ink}\">"))
                .Append(HtmlText.Encode(Shorten(company.Name))).Append("</text>\n");
            Bar(svg, "uses", company, company.Count, layer.Observed, left, y + 2, bar, Blue);
            Bar(svg, "critical", company, critical, layer.Observed, left, y + 2 + bar + 2, bar, Red);
            svg.Append("</g>\n");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// The cumulative curve of a layer's uses: companies ranked by uses on x (most used first), the cumulative share
    /// of all uses on y, from 0 to 100%; the point of the top three companies (CR3) marked, and the line of equal
    /// shares for comparison.
    /// </summary>
    public static string Curve(LayerConcentration layer, IReadOnlyList<RankedCount> ranked)
    {
        const double left = 60, top = 30, plotWidth = 440, plotHeight = 220;
        var width = left + plotWidth + 40;
        var height = top + plotHeight + 50;
        var total = ranked.Sum(company => (long)company.Count);
        var n = ranked.Count;
        var cumulative = new List<double> { 0 };
        long running = 0;
        foreach (var company in ranked)
        {
            running += company.Count;
            cumulative.Add(total == 0 ? 0 : (double)running / total);
        }

        var mark = Math.Min(3, n);
        var title = $"{ConcentrationLabels.LayerTitle(layer.Layer)}: cumulative share of uses, companies ranked by uses";
        var description = $"{ConcentrationLabels.Count(n)} compan{(n == 1 ? "y" : "ies")} share {ConcentrationLabels.Count(total)} uses; the top {mark} hold {ConcentrationLabels.Percent(cumulative[mark])} of them; all of them 100%.";
        var svg = new StringBuilder();
        Open(svg, "curve", width, height, title, description);
        double X(int rank) => Math.Round(left + (n == 0 ? 0 : plotWidth * rank / n), 2);
        double Y(double share) => Math.Round(top + plotHeight - (plotHeight * share), 2);

        // Axes, grid and the line of equal shares.
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = Y(tick / 4.0);
            svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{y}\" x2=\"{left + plotWidth}\" y2=\"{y}\" stroke=\"{Grey}\" stroke-width=\"0.5\" />"));
            svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{y + 4}\" font-size=\"11\" text-anchor=\"end\" fill=\"{Ink}\">{tick * 25}%</text>\n"));
        }

        svg.Append(Invariant($"<line class=\"equal\" x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(n)}\" y2=\"{Y(1)}\" stroke=\"{Grey}\" stroke-dasharray=\"4 3\" />\n"));
        svg.Append(Invariant($"<text x=\"{left + (plotWidth / 2)}\" y=\"{top + plotHeight + 34}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">companies ranked by uses (1 = most used)</text>\n"));
        svg.Append(Invariant($"<text x=\"{left}\" y=\"{top - 12}\" font-size=\"11\" fill=\"{Ink}\">cumulative share of uses (dashed: equal shares)</text>\n"));
        svg.Append(Invariant($"<text x=\"{left}\" y=\"{top + plotHeight + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">0</text>"));
        svg.Append(Invariant($"<text x=\"{X(n)}\" y=\"{top + plotHeight + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">{n}</text>\n"));

        var points = string.Join(" ", cumulative.Select((share, rank) => Invariant($"{X(rank)},{Y(share)}")));
        svg.Append(Invariant($"<polyline class=\"cumulative\" points=\"{points}\" fill=\"none\" stroke=\"{Blue}\" stroke-width=\"2\" />\n"));
        for (var rank = 1; rank <= n; rank++)
        {
            var company = ranked[rank - 1];
            svg.Append(Invariant($"<circle class=\"point\" data-rank=\"{rank}\" data-cumulative=\"{Round(cumulative[rank])}\" cx=\"{X(rank)}\" cy=\"{Y(cumulative[rank])}\" r=\"{(n > 40 ? 1.5 : 3)}\" fill=\"{Blue}\">"));
            svg.Append("<title>").Append(HtmlText.Encode($"{rank}. {company.Name}: {ConcentrationLabels.Count(company.Count)} use{(company.Count == 1 ? "" : "s")}, {ConcentrationLabels.Percent(cumulative[rank])} of all uses up to here")).Append("</title></circle>\n");
        }

        if (mark > 0)
        {
            svg.Append(Invariant($"<circle class=\"top3\" data-rank=\"{mark}\" data-cumulative=\"{Round(cumulative[mark])}\" cx=\"{X(mark)}\" cy=\"{Y(cumulative[mark])}\" r=\"6\" fill=\"none\" stroke=\"{Red}\" stroke-width=\"2\" />"));
            // The label goes right of the point, or left of it when the point is the last one, at the right edge.
            var (labelX, anchor) = mark < n ? (X(mark) + 10, "start") : (X(mark) - 10, "end");
            svg.Append(Invariant($"<text x=\"{labelX}\" y=\"{Y(cumulative[mark]) + 18}\" font-size=\"12\" text-anchor=\"{anchor}\" fill=\"{Red}\">top {mark}: {ConcentrationLabels.Percent(cumulative[mark])}</text>\n"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Open(StringBuilder svg, string kind, double width, double height, string title, string description)
    {
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {kind}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\""))
            .Append(HtmlText.Encode(title)).Append("\">\n");
        svg.Append("<title>").Append(HtmlText.Encode(title)).Append("</title>\n");
        svg.Append("<desc>").Append(HtmlText.Encode(description)).Append("</desc>\n");
    }

    private static void Bar(StringBuilder svg, string kind, RankedCount company, int count, int observed, double x, double y, double height, string colour)
    {
        var share = ConcentrationLabels.Share(count, observed) ?? 0;
        var length = BarPlotWidth * Math.Clamp(share, 0, 1);
        svg.Append(Invariant($"<rect class=\"bar {kind}\" data-count=\"{count}\" data-share=\"{Round(share)}\" x=\"{x}\" y=\"{y}\" width=\"{Round(length)}\" height=\"{height}\" fill=\"{colour}\">"));
        svg.Append("<title>").Append(HtmlText.Encode($"{company.Name}: {kind} {ConcentrationLabels.OfTotal(count, observed)}")).Append("</title></rect>");
        svg.Append(Invariant($"<text x=\"{x + length + 4}\" y=\"{y + height - 2}\" font-size=\"11\" fill=\"{Ink}\">{ConcentrationLabels.Percent(count, observed)}</text>\n"));
    }

    private static string Shorten(string name)
    {
        var line = name.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        if (line.Length <= NameLength)
        {
            return line;
        }

        var cut = NameLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line[..cut] + "…";
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
