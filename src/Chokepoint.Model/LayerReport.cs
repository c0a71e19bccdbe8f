using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The dependencies found at one layer, and what could not be seen there.</summary>
public sealed record LayerReport
{
    [JsonPropertyName("layer")]
    public required Layer Layer { get; init; }

    [JsonPropertyName("dependencies")]
    public IReadOnlyList<Dependency> Dependencies { get; init; } = [];

    /// <summary>Observed facts of the layer that are not dependencies, e.g. a null MX record (RFC 7505).</summary>
    [JsonPropertyName("notes")]
    public IReadOnlyList<string> Notes { get; init; } = [];

    [JsonPropertyName("unobserved")]
    public IReadOnlyList<UnobservedItem> Unobserved { get; init; } = [];

    /// <summary>Names asked that answered "does not exist": observed facts, not gaps (a site without <c>www</c>).</summary>
    [JsonPropertyName("absent")]
    public IReadOnlyList<AbsentItem> Absent { get; init; } = [];

    /// <summary>
    /// observed, partly-observed (dependencies found and some probe failed) or not-observed (no dependency found and
    /// a probe failed); docs/analysis.md, "Coverage".
    /// </summary>
    [JsonPropertyName("coverage")]
    public Coverage Coverage { get; init; } = Coverage.Observed;
}
