using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Chokepoint.Collection.Rdap;

/// <summary>Limits and sources for <see cref="RdapClient"/>.</summary>
public sealed record RdapClientOptions
{
    /// <summary>Where to fetch the bootstrap file; IANA's when null.</summary>
    public Uri? BootstrapUrl { get; init; }

    /// <summary>An already loaded bootstrap; when set, nothing is fetched for it.</summary>
    public RdapBootstrap? Bootstrap { get; init; }

    /// <summary>How long a fetched bootstrap is used before it is fetched again (a failed fetch is retried on the next lookup).</summary>
    public TimeSpan BootstrapMaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Time allowed for each HTTP exchange.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest response read, in bytes.</summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Whether to ask the registrar's RDAP service (the registry's "related" link) for the abuse contact or the registrant when the registry gives none.</summary>
    public bool FollowRegistrarLink { get; init; } = true;

    /// <summary>The longest Retry-After of an HTTP 429 that is waited out; a longer one is reported as rate limited at once.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a request answered 429 is tried again (each only if the wait fits in the remaining budget).</summary>
    public int MaxRateLimitRetries { get; init; } = 2;

    /// <summary>Concurrency and rate limits per RDAP server (partition key: the URL's authority, "host:port"); none when null.</summary>
    public PartitionedRateLimiter<string>? ServerLimiter { get; init; }

    /// <summary>Where failures are logged (Debug); nowhere when null.</summary>
    public ILogger? Logger { get; init; }
}
