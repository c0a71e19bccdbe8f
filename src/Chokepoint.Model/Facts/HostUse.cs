using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One way a provider was found on a host: the CNAME target, the address and its AS, or a response header.</summary>
public sealed record HostUse
{
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("role")]
    public HostRole Role { get; init; }

    /// <summary>The CNAME target (on the host's chain) that named the provider.</summary>
    [JsonPropertyName("cnameTarget")]
    public string? CnameTarget { get; init; }

    /// <summary>The address the host resolved to, with its AS.</summary>
    [JsonPropertyName("address")]
    public NetworkAddress? Address { get; init; }

    /// <summary>The response header that named the provider, "name: value".</summary>
    [JsonPropertyName("header")]
    public string? Header { get; init; }

    /// <summary>The URL whose response carried <see cref="Header"/>.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }
}
