using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Page;

/// <summary>A resource a page loads: its URL's host and how it is loaded.</summary>
public sealed record PageResource
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>script, iframe, stylesheet, font, image, media, form, preconnect, dns-prefetch, xhr (from HAR).</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>True for a script that blocks rendering (no async/defer/module).</summary>
    [JsonPropertyName("blocking")]
    public bool Blocking { get; init; }

    /// <summary>The page it was found on.</summary>
    [JsonPropertyName("foundOn")]
    public string? FoundOn { get; init; }

    /// <summary>Response headers (names lowercased), when known: from a HAR capture, or from the page collector's own request to the host.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; init; }

    /// <summary>Where <see cref="Headers"/> came from: "har" (a browser capture) or "probe" (a <see cref="ResourceProbe"/>); null in files that predate it.</summary>
    [JsonPropertyName("headersFrom")]
    public string? HeadersFrom { get; init; }
}
