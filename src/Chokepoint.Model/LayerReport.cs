using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The dependencies found at one layer, and what could not be seen there.</summary>
public sealed record LayerReport
{
    [JsonPropertyName("layer")]
    public required string Layer { get; init; }

    [JsonPropertyName("dependencies")]
    public List<Dependency> Dependencies { get; init; } = [];

    /// <summary>Observed facts of the layer that are not dependencies, e.g. a null MX record (RFC 7505).</summary>
    [JsonPropertyName("notes")]
    public List<string> Notes { get; init; } = [];

    [JsonPropertyName("unobserved")]
    public List<UnobservedItem> Unobserved { get; init; } = [];
}
