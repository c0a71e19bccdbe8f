using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// The zone whose DNS a provider relies on, and why: operators of one zone are alternatives, different zones
/// are all needed.
/// </summary>
public sealed record UpstreamFacts
{
    /// <summary>The zone, e.g. "cloudfront.net".</summary>
    [JsonPropertyName("zone")]
    public required string Zone { get; init; }

    /// <summary>Why the zone's names matter.</summary>
    [JsonPropertyName("reason")]
    public UpstreamReason Reason { get; init; }

    /// <summary>What relies on the names: the site's hosts whose CNAME leads there, or the OCSP responder's host.</summary>
    [JsonPropertyName("for")]
    public IReadOnlyList<string> For { get; init; } = [];

    /// <summary>The names inside the zone that must resolve.</summary>
    [JsonPropertyName("names")]
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>TTL in seconds of the zone's NS set.</summary>
    [JsonPropertyName("zoneNsTtl")]
    public int? ZoneNsTtl { get; init; }

    /// <summary>The zone's nameservers this operator runs.</summary>
    [JsonPropertyName("nameServers")]
    public IReadOnlyList<string> NameServers { get; init; } = [];
}
