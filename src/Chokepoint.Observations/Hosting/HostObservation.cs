using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Hosting;

/// <summary>A host name the site serves from (apex, www, or a host its pages use), its CNAME chain and addresses.</summary>
public sealed record HostObservation
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Why this host was looked at: "apex", "www", "page", "origin", "mx", "ocsp" (the host of the certificate's OCSP responder).</summary>
    [JsonPropertyName("role")]
    public string Role { get; init; } = "apex";

    /// <summary>CNAME targets in order, as followed from <see cref="Name"/>.</summary>
    [JsonPropertyName("cnameChain")]
    public List<string> CnameChain { get; init; } = [];

    [JsonPropertyName("addresses")]
    public List<AddressObservation> Addresses { get; init; } = [];

    /// <summary>Smallest TTL seen along the answer.</summary>
    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
