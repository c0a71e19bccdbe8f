using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The part of the site's delegation one DNS operator serves.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1034#section-4.2.2">RFC 1034 section 4.2.2: delegation</seealso>
public sealed record DelegationFacts
{
    /// <summary>TTL in seconds of the NS set in the parent zone: how long resolvers may keep the old delegation.</summary>
    [JsonPropertyName("parentNsTtl")]
    public int? ParentNsTtl { get; init; }

    /// <summary>TTL in seconds of the NS set the zone itself serves.</summary>
    [JsonPropertyName("childNsTtl")]
    public int? ChildNsTtl { get; init; }

    /// <summary>The zone's SOA as served, when it was observed and readable.</summary>
    [JsonPropertyName("soa")]
    public SoaFacts? Soa { get; init; }

    /// <summary>The operator's nameservers and how each answered.</summary>
    [JsonPropertyName("nameServers")]
    public IReadOnlyList<NameServerFacts> NameServers { get; init; } = [];
}
