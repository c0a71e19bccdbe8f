using System.Text.Json.Serialization;
using Chokepoint.Observations.Hosting;

namespace Chokepoint.Observations.Dns;

/// <summary>One nameserver: where it is, and whether it answered authoritatively for the domain.</summary>
public sealed record NameServerObservation
{
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>True if named in the parent's delegation.</summary>
    [JsonPropertyName("atParent")]
    public bool AtParent { get; init; }

    /// <summary>True if named in the zone's own NS set.</summary>
    [JsonPropertyName("atChild")]
    public bool AtChild { get; init; }

    [JsonPropertyName("addresses")]
    public List<AddressObservation> Addresses { get; init; } = [];

    /// <summary>SOA MNAME and RNAME of the zone that holds the nameserver's own name, for the private/third-party test.</summary>
    [JsonPropertyName("ownZoneSoa")]
    public string? OwnZoneSoa { get; init; }

    /// <summary>"authoritative", "lame" (answered without authority or refused), "unreachable", or "unresolved".</summary>
    [JsonPropertyName("state")]
    public string State { get; init; } = "unknown";

    /// <summary>Why the nameserver is not "authoritative", if it is not.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
