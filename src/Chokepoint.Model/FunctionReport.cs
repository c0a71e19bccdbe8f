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

    /// <summary>How much of the function's supply could be seen; a not-observed function is not graded.</summary>
    [JsonPropertyName("coverage")]
    public Coverage Coverage { get; init; } = Coverage.Observed;

    /// <summary>The gaps behind a coverage short of observed, as "what: reason" lines.</summary>
    [JsonPropertyName("gaps")]
    public IReadOnlyList<string> Gaps { get; init; } = [];
}
