using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Dns;

/// <summary>The domain's delegation and zone as seen from the parent and from its own nameservers.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035">RFC 1035: Domain Names</seealso>
public sealed record DnsObservation
{
    /// <summary>NS set in the parent zone's referral, with its TTL.</summary>
    [JsonPropertyName("parentNs")]
    public RecordSetObservation? ParentNs { get; init; }

    /// <summary>NS set at the apex as the domain's own nameservers answer it.</summary>
    [JsonPropertyName("childNs")]
    public RecordSetObservation? ChildNs { get; init; }

    /// <summary>The SOA record at the apex, in presentation format.</summary>
    [JsonPropertyName("soa")]
    public RecordSetObservation? Soa { get; init; }

    /// <summary>Each nameserver (parent and child sets together), its addresses and how it answered.</summary>
    [JsonPropertyName("nameServers")]
    public List<NameServerObservation> NameServers { get; init; } = [];

    [JsonPropertyName("dsPresent")]
    public bool? DsPresent { get; init; }

    [JsonPropertyName("dnskeyPresent")]
    public bool? DnskeyPresent { get; init; }

    /// <summary>CAA records at the apex (RFC 8659), presentation format; empty list = none published.</summary>
    [JsonPropertyName("caa")]
    public RecordSetObservation? Caa { get; init; }

    /// <summary>TXT records at the apex (verification tokens, SPF).</summary>
    [JsonPropertyName("txt")]
    public RecordSetObservation? Txt { get; init; }
}
