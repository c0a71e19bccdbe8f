using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Dns;

/// <summary>
/// A zone outside the site that holds a name the site relies on (a CNAME target of the apex or www, a mail
/// exchanger, the host of the certificate's OCSP responder), and the nameservers that serve it. When those nameservers stop answering,
/// the name stops resolving for the site too: the provider's own DNS is an indirect dependency.
/// </summary>
public sealed record ZoneObservation
{
    /// <summary>The zone apex: the closest enclosing name that owns an NS set, e.g. <c>cloudfront.net</c>.</summary>
    [JsonPropertyName("zone")]
    public required string Zone { get; init; }

    /// <summary>The names looked up that live in this zone, e.g. <c>d2x7q9r4t1uv8w.cloudfront.net</c>.</summary>
    [JsonPropertyName("names")]
    public List<string> Names { get; init; } = [];

    /// <summary>Why the names were looked at: "cname" (a CNAME target of a site host), "mx" (a mail exchanger) or "ocsp" (an OCSP responder host).</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = "cname";

    /// <summary>The zone's NS set as the resolver returns it, host names lowercase without the trailing dot.</summary>
    [JsonPropertyName("nameServers")]
    public List<string> NameServers { get; init; } = [];

    /// <summary>TTL of the NS set.</summary>
    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
