using Chokepoint.Analysis.Concentration;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Reporting.Concentration;

/// <summary>Renders a concentration summary of many sites as a terminal table (Spectre.Console), as TableRenderer does for one report.</summary>
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
        return string.Empty;
    }
}
