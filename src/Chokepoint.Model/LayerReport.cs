using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The dependencies found at one layer, and what could not be seen there.</summary>
public sealed record LayerReport
{
    [JsonPropertyName("layer")]
    public required string Layer { get; init; }

    [JsonPropertyName("dependencies")]
    public List<Dependency> Dependencies { get; init; } = [];

    [JsonPropertyName("unobserved")]
    public List<UnobservedItem> Unobserved { get; init; } = [];
}
