using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One thing the site needs to work (name resolves, pages served, a revenue path) and who can break it.</summary>
public sealed record FunctionReport
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("importance")]
    public Importance Importance { get; init; } = Importance.High;

    /// <summary>Companies that alone can break this function.</summary>
    [JsonPropertyName("singlePoints")]
    public IReadOnlyList<string> SinglePoints { get; init; } = [];

    /// <summary>Pairs of companies that together can break it when no single one can.</summary>
    [JsonPropertyName("pairs")]
    public IReadOnlyList<IReadOnlyList<string>> Pairs { get; init; } = [];
}
