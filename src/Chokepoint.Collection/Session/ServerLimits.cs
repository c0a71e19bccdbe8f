using System.Threading.RateLimiting;

namespace Chokepoint.Collection.Session;

/// <summary>How hard one remote server (a DNS server endpoint, an RDAP host) may be asked by one session.</summary>
/// <param name="MaxConcurrent">Most requests in flight to the server at once.</param>
/// <param name="MaxPerSecond">Most requests started per second; 0 for no rate limit.</param>
public sealed record ServerLimits(int MaxConcurrent, int MaxPerSecond)
{
    /// <summary>Requests waiting for a permit beyond which a request fails at once.</summary>
    public const int QueueLimit = 10_000;

    /// <summary>
    /// A limiter partitioned by server key, and every limiter it is made of: a chained limiter does not dispose the
    /// ones it chains, so the owner disposes each.
    /// </summary>
    internal (PartitionedRateLimiter<string> Limiter, IReadOnlyList<IDisposable> Parts) CreateLimiter()
    {
        var concurrency = PartitionedRateLimiter.Create<string, string>(server => RateLimitPartition.GetConcurrencyLimiter(
            server,
            _ => new ConcurrencyLimiterOptions { PermitLimit = MaxConcurrent, QueueLimit = QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }));
        if (MaxPerSecond <= 0)
        {
            return (concurrency, [concurrency]);
        }

        var rate = PartitionedRateLimiter.Create<string, string>(server => RateLimitPartition.GetTokenBucketLimiter(
            server,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = MaxPerSecond,
                TokensPerPeriod = MaxPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        var chained = PartitionedRateLimiter.CreateChained(concurrency, rate);
        return (chained, [chained, concurrency, rate]);
    }

    /// <summary>Why these limits cannot be used, if they cannot.</summary>
    internal IEnumerable<string> Validate(string name)
    {
        if (MaxConcurrent <= 0)
        {
            yield return $"{name}.maxConcurrent must be positive (is {MaxConcurrent})";
        }

        if (MaxPerSecond < 0)
        {
            yield return $"{name}.maxPerSecond must be 0 (no limit) or positive (is {MaxPerSecond})";
        }
    }
}
