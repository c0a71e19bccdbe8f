using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Hosting;

/// <summary>An IP address and the network (origin AS) that announces it.</summary>
public sealed record AddressObservation
{
    [JsonPropertyName("ip")]
    public required string Ip { get; init; }

    [JsonPropertyName("asn")]
    public int? Asn { get; init; }

    [JsonPropertyName("asOrganization")]
    public string? AsOrganization { get; init; }

    /// <summary>Where the ASN came from ("asn-db 2026-06-17", "cymru dns"), or why it is missing.</summary>
    [JsonPropertyName("asnSource")]
    public string? AsnSource { get; init; }
}
