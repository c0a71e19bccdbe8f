using System.Globalization;
using System.Text;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// Draws a <see cref="DependencyGraph"/> as inline SVG (no script, no external reference): boxes with two lines of
/// text, curved lines between columns, single points of failure with a thick red border, and a legend.
/// Each box is a <c>&lt;g&gt;</c> with <c>data-node</c> (function, service or company) and <c>data-id</c>.
/// </summary>
/// <seealso href="https://www.w3.org/TR/SVG2/"/>
public static class DependencyGraphSvg
{
    private const string Red = "#c0392b";
    private const string Grey = "#9aa3ad";

    /// <summary>Renders the picture as an <c>&lt;svg&gt;</c> element to embed in an HTML page.</summary>
    /// <param name="graph">The laid-out graph.</param>
    /// <param name="label">Accessible name of the picture.</param>
    /// <param name="pathPrefix">
    /// When given, each function box links to <c>#{pathPrefix}path-{function id}</c>, its row in the
    /// function-by-function section of the page.
    /// </param>
    public static string Render(DependencyGraph graph, string label, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var svg = new StringBuilder();
        var nodes = graph.Nodes.ToDictionary(node => node.Id, StringComparer.Ordinal);
        svg.Append(Invariant($"<svg class=\"graph\" viewBox=\"0 0 {graph.Width} {graph.Height}\" width=\"{graph.Width}\" height=\"{graph.Height}\" role=\"img\" aria-label=\"{HtmlText.Encode(label)}\">\n"));
        svg.Append("<title>").Append(HtmlText.Encode(label)).Append("</title>\n");
        AppendHeadings(svg);
        AppendLegend(svg);

        svg.Append("<g class=\"edges\" fill=\"none\">\n");
        foreach (var edge in graph.Edges.OrderBy(edge => edge.Critical))
        {
            if (!nodes.TryGetValue(edge.From, out var from) || !nodes.TryGetValue(edge.To, out var to))
            {
                continue;
            }

            var x1 = from.X + DependencyGraph.NodeWidth;
            var y1 = from.Y + (from.Height / 2);
            var x2 = to.X;
            var y2 = to.Y + (to.Height / 2);
            var middle = (x1 + x2) / 2;
            svg.Append(Invariant($"<path class=\"edge{(edge.Critical ? " critical" : "")}\" d=\"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}\" stroke=\"{(edge.Critical ? Red : Grey)}\" stroke-width=\"{(edge.Critical ? "2" : "1.2")}\" stroke-opacity=\"{(edge.Critical ? "0.75" : "0.7")}\""));
            svg.Append(" data-from=\"").Append(HtmlText.Encode(edge.From)).Append("\" data-to=\"").Append(HtmlText.Encode(edge.To)).Append("\" />\n");
        }

        svg.Append("</g>\n");
        foreach (var node in graph.Nodes)
        {
            var linked = pathPrefix is not null && node.Column == GraphColumn.Function;
            if (linked)
            {
                svg.Append("<a href=\"#").Append(HtmlText.Encode(pathPrefix + "path-" + node.Id["function:".Length..])).Append("\">\n");
            }

            AppendNode(svg, node);
            if (linked)
            {
                svg.Append("</a>\n");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendHeadings(StringBuilder svg)
    {
        string[] headings = ["Functions (what the site does)", "Services (what it uses)", "Companies (who owns them)"];
        for (var column = 0; column < headings.Length; column++)
        {
            var x = DependencyGraph.Margin + (column * (DependencyGraph.NodeWidth + DependencyGraph.ColumnGap));
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{DependencyGraph.Margin + 8}\" font-size=\"15\" font-weight=\"bold\" fill=\"#1f2933\">{HtmlText.Encode(headings[column])}</text>\n"));
        }
    }

    private static void AppendLegend(StringBuilder svg)
    {
        var y = DependencyGraph.Margin + 34;
        var x = DependencyGraph.Margin;
        svg.Append("<g class=\"legend\" font-size=\"12\" fill=\"#1f2933\">\n");
        svg.Append(Invariant($"<rect x=\"{x}\" y=\"{y - 11}\" width=\"26\" height=\"16\" rx=\"3\" fill=\"#fdecea\" stroke=\"{Red}\" stroke-width=\"3\" />\n"));
        svg.Append(Invariant($"<text x=\"{x + 34}\" y=\"{y + 2}\">single point of failure (alone can break a function)</text>\n"));
        x += 430;
        svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{y - 3}\" x2=\"{x + 30}\" y2=\"{y - 3}\" stroke=\"{Red}\" stroke-width=\"2\" />\n"));
        svg.Append(Invariant($"<text x=\"{x + 38}\" y=\"{y + 2}\">leads to a single point of failure</text>\n"));
        x += 270;
        svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{y - 3}\" x2=\"{x + 30}\" y2=\"{y - 3}\" stroke=\"{Grey}\" stroke-width=\"1.2\" />\n"));
        svg.Append(Invariant($"<text x=\"{x + 38}\" y=\"{y + 2}\">needs / owned by</text>\n"));
        svg.Append("</g>\n");
    }

    private static void AppendNode(StringBuilder svg, GraphNode node)
    {
        var kind = node.Column switch
        {
            GraphColumn.Function => "function",
            GraphColumn.Service => "service",
            _ => "company",
        };
        var (fill, stroke, width) = node switch
        {
            { SinglePointOfFailure: true } => ("#fdecea", Red, "3"),
            { Column: GraphColumn.Function } => ("#e8f0fa", "#4a6f99", "1.5"),
            { Column: GraphColumn.Service } => ("#f4f5f7", "#7b8794", "1.2"),
            _ => ("#ffffff", "#52606d", "1.5"),
        };
        svg.Append("<g class=\"node ").Append(kind).Append(node.SinglePointOfFailure ? " spof" : "")
            .Append("\" data-node=\"").Append(kind).Append("\" data-id=\"").Append(HtmlText.Encode(node.Id)).Append('"')
            .Append(node.SinglePointOfFailure ? " data-spof=\"true\"" : "").Append(">\n");
        svg.Append("<title>").Append(HtmlText.Encode($"{node.Title} ({node.Subtitle})")).Append("</title>\n");
        svg.Append(Invariant($"<rect x=\"{node.X}\" y=\"{node.Y}\" width=\"{DependencyGraph.NodeWidth}\" height=\"{node.Height}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\" />\n"));
        // Every word of the name is drawn: one tspan per wrapped line, nothing cut off.
        svg.Append(Invariant($"<text class=\"title\" x=\"{node.X + 10}\" y=\"{node.Y + 18}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1f2933\">"));
        AppendLines(svg, node.X + 10, node.TitleLines, DependencyGraph.TitleLineHeight);
        svg.Append("</text>\n");
        var subtitleY = node.Y + 35 + ((node.TitleLines.Count - 1) * DependencyGraph.TitleLineHeight);
        svg.Append(Invariant($"<text class=\"subtitle\" x=\"{node.X + 10}\" y=\"{subtitleY}\" font-size=\"11\" fill=\"{(node.SinglePointOfFailure ? Red : "#52606d")}\"{(node.SinglePointOfFailure ? " font-weight=\"bold\"" : "")}>"));
        AppendLines(svg, node.X + 10, node.SubtitleLines, DependencyGraph.SubtitleLineHeight);
        svg.Append("</text>\n");
        svg.Append("</g>\n");
    }

    private static void AppendLines(StringBuilder svg, int x, IReadOnlyList<string> lines, int lineHeight)
    {
        for (var index = 0; index < lines.Count; index++)
        {
            svg.Append(index == 0 ? Invariant($"<tspan x=\"{x}\">") : Invariant($"<tspan x=\"{x}\" dy=\"{lineHeight}\">"))
                .Append(HtmlText.Encode(lines[index])).Append("</tspan>");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
