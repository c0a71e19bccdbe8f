using System.Threading.RateLimiting;
using Chokepoint.Collection.Transport;
using Microsoft.Extensions.Logging;

namespace Chokepoint.Collection.Dns;

/// <summary>What a long-lived <see cref="DnsLookup"/> shares between collections: its cache, policy, limits and lifetime.</summary>
public sealed record DnsLookupOptions
{
    /// <summary>Most answers kept (least recently used evicted first); 0 keeps none beyond in-flight sharing.</summary>
    public int CacheSize { get; init; }

    /// <summary>The longest an answer is kept, whatever its TTL.</summary>
    public TimeSpan MaxCacheTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Which servers may be asked; checked on every server's address before a packet is sent.</summary>
    public AddressPolicy AddressPolicy { get; init; } = AddressPolicy.Unrestricted;

    /// <summary>Concurrency and rate limits per server (partition key: the source, e.g. "dns 127.0.0.1:5353"); none when null.</summary>
    public PartitionedRateLimiter<string>? ServerLimiter { get; init; }

    /// <summary>Where failures are logged (Debug); nowhere when null.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>
    /// The token shared exchanges run on (with the per-query timeout), so that one caller's cancellation never
    /// cancels another caller's wait; cancel it when the owner (the session) ends.
    /// </summary>
    public CancellationToken Lifetime { get; init; }
}
