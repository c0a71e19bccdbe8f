using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Dns;

/// <summary>A record set as answered: values in presentation format, the TTL, and who answered.</summary>
public sealed record RecordSetObservation
{
    [JsonPropertyName("values")]
    public List<string> Values { get; init; } = [];

    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
