using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>An IP address and the network (origin AS) that announces it.</summary>
public sealed record NetworkAddress
{
    [JsonPropertyName("ip")]
    public required string Ip { get; init; }

    [JsonPropertyName("asn")]
    public int? Asn { get; init; }

    [JsonPropertyName("asOrganization")]
    public string? AsOrganization { get; init; }
}
