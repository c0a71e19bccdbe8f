using Chokepoint.Analysis.Concentration;

namespace Chokepoint.Reporting.Concentration;

/// <summary>Renders a concentration summary of many sites as a Markdown document.</summary>
public static class ConcentrationMarkdownRenderer
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
