using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Page;

/// <summary>
/// One request the page collector made to a third-party host its pages load from (the first URL seen for the host),
/// to read the response headers that name the host's CDN. The headers are on the probed <see cref="PageResource"/>
/// (<see cref="PageResource.HeadersFrom"/> "probe"), as a HAR capture's are; this record says how they were asked
/// for and how the request ended.
/// </summary>
public sealed record ResourceProbe
{
    /// <summary>The URL requested: the first one the pages load from <see cref="Host"/>.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>"HEAD", or "GET" (with Range: bytes=0-0) when the server refused HEAD; null when no request was made.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>The status of the response whose headers were kept (redirects are not followed: the headers are the host's own).</summary>
    [JsonPropertyName("status")]
    public int? Status { get; init; }

    /// <summary>The status HEAD was refused with (405 or 501), when the ranged GET was sent instead.</summary>
    [JsonPropertyName("headStatus")]
    public int? HeadStatus { get; init; }

    /// <summary>Null when a response was read; otherwise why the host's headers were not seen ("timed out after 5 s", "probe limit: ...").</summary>
    [JsonPropertyName("notObserved")]
    public string? NotObserved { get; init; }

    /// <summary>The kind of failure, with <see cref="NotObserved"/>.</summary>
    [JsonPropertyName("gapKind")]
    public GapKind? GapKind { get; init; }

    /// <summary>Where the answer came from ("page probe https://host"), when one arrived.</summary>
    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
