using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Web;

/// <summary>One HTTP exchange: the URL asked for, the redirects followed, and the final response's status and headers.</summary>
public sealed record HttpObservation
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("finalUrl")]
    public string? FinalUrl { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    /// <summary>The URLs redirected through, in order.</summary>
    [JsonPropertyName("redirects")]
    public List<string> Redirects { get; init; } = [];

    /// <summary>Response headers, names lowercased; repeated headers joined with ", ".</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>The address the final response came from.</summary>
    [JsonPropertyName("remoteAddress")]
    public string? RemoteAddress { get; init; }

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
