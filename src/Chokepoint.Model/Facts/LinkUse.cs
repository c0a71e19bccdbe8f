using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>A link the site's pages make to a provider: an affiliate, donation or payment link.</summary>
public sealed record LinkUse
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The link's text, trimmed.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The affiliate account in the link, "parameter=value" (e.g. "tag=site-20").</summary>
    [JsonPropertyName("account")]
    public string? Account { get; init; }
}
