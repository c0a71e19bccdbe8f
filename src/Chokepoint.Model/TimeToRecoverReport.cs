using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>How long a function stays broken if a company withdraws: a range, the steps and the assumptions.</summary>
public sealed record TimeToRecoverReport
{
    [JsonPropertyName("low")]
    public TimeSpan Low { get; init; }

    [JsonPropertyName("high")]
    public TimeSpan High { get; init; }

    [JsonPropertyName("summary")]
    public string Summary { get; init; } = "";

    [JsonPropertyName("steps")]
    public IReadOnlyList<string> Steps { get; init; } = [];

    [JsonPropertyName("assumptions")]
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}
