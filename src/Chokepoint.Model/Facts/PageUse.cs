using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One resource the site's pages load from a provider.</summary>
public sealed record PageUse
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("kind")]
    public ResourceKind Kind { get; init; }

    /// <summary>True for a script that blocks rendering (no async, defer or module).</summary>
    [JsonPropertyName("blocking")]
    public bool Blocking { get; init; }
}
