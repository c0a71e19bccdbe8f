using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Page;

/// <summary>An outbound link, with the text it shows and any affiliate account it carries.</summary>
public sealed record PageLink
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The query parameter and value that carry an affiliate account, e.g. "tag=news-20".</summary>
    [JsonPropertyName("affiliateTag")]
    public string? AffiliateTag { get; init; }

    [JsonPropertyName("foundOn")]
    public string? FoundOn { get; init; }
}
