using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Page;

/// <summary>One page fetch: URL, why it was fetched, status, bytes read and whether it was cut short.</summary>
public sealed record PageFetch
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>"landing", "donate", "shop", "membership", "subscribe", "ads.txt", "har".</summary>
    [JsonPropertyName("purpose")]
    public string Purpose { get; init; } = "landing";

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("bytesRead")]
    public long BytesRead { get; init; }

    /// <summary>Null when the page was read whole; otherwise why it was read only in part or not at all.</summary>
    [JsonPropertyName("incomplete")]
    public string? Incomplete { get; init; }

    /// <summary>The URL finally read after following redirects; null when no redirect was followed.</summary>
    [JsonPropertyName("finalUrl")]
    public string? FinalUrl { get; init; }

    /// <summary>The redirect targets followed, in order; null when there were none.</summary>
    [JsonPropertyName("redirects")]
    public List<string>? Redirects { get; init; }

    /// <summary>The response's Content-Type, when a response arrived.</summary>
    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }
}
