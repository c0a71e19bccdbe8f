using System.Text.Json.Serialization;
using Chokepoint.Observations.Hosting;

namespace Chokepoint.Observations.Mail;

/// <summary>One MX record and the addresses of its host.</summary>
public sealed record MxObservation
{
    [JsonPropertyName("preference")]
    public int Preference { get; init; }

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("addresses")]
    public List<AddressObservation> Addresses { get; init; } = [];
}
