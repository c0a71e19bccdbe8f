using Chokepoint.Collection.Transport;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Chokepoint.Collection.Tls;

/// <summary>Limits for <see cref="TlsCollector"/>.</summary>
public sealed record TlsCollectorOptions
{
    /// <summary>Time allowed for resolving, connecting and the handshake together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Which addresses may be connected to; checked on the address the socket connects to.</summary>
    public AddressPolicy AddressPolicy { get; init; } = AddressPolicy.Unrestricted;

    /// <summary>
    /// Per-host limits shared with the session's HTTP requests (keyed by <c>HostLimitHandler.Key</c>); none when null.
    /// </summary>
    public PartitionedRateLimiter<string>? HostLimiter { get; init; }

    /// <summary>Where failed handshakes are logged (Debug); nowhere when null.</summary>
    public ILogger? Logger { get; init; }
}
