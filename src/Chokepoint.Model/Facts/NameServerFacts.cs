using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One nameserver of the site: where it is listed, how it answered, where it is.</summary>
public sealed record NameServerFacts
{
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("state")]
    public NameServerState State { get; init; }

    /// <summary>Named in the parent's delegation.</summary>
    [JsonPropertyName("atParent")]
    public bool AtParent { get; init; }

    /// <summary>Named in the zone's own NS set.</summary>
    [JsonPropertyName("atChild")]
    public bool AtChild { get; init; }

    [JsonPropertyName("addresses")]
    public IReadOnlyList<NetworkAddress> Addresses { get; init; } = [];

    /// <summary>Why the nameserver is not authoritative, as the collector put it (display only).</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
