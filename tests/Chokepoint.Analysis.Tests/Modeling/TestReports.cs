using Chokepoint.Model;

namespace Chokepoint.Analysis.Tests.Modeling;

/// <summary>Hand-built attributed reports for the modeling tests.</summary>
internal static class TestReports
{
    /// <summary>A report of site.example with the given dependencies, each at its layer; every layer present.</summary>
    public static AuditReport Report(params (Layer Layer, Dependency Dependency)[] dependencies) => new()
    {
        Domain = "site.example",
        CollectedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        Layers = Vocabulary.Values<Layer>().Select(layer => new LayerReport
        {
            Layer = layer,
            Dependencies = dependencies.Where(d => d.Layer == layer).Select(d => d.Dependency).ToList(),
        }).ToList(),
    };
}
