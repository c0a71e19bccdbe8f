using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// The answers of one session, keyed by (server, name, type) and kept as long as DNS says they may be: a positive
/// answer for the smallest TTL in its answer section, a referral for the smallest TTL of its authority records, a
/// negative answer (NXDOMAIN, NODATA) for the smaller of the SOA's TTL and minimum (RFC 2308 section 5), each
/// capped; failures (timeouts, SERVFAIL, REFUSED) are not kept. Bounded by entry count, evicting the least
/// recently used. Identical questions in flight share one exchange whatever the capacity. Thread-safe.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc2308">RFC 2308: Negative Caching of DNS Queries</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc2181#section-8">RFC 2181 section 8: Time to Live</seealso>
internal sealed class DnsCache(int capacity, TimeSpan maxTtl, TimeProvider time)
{
    private readonly Dictionary<DnsQuestionKey, LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> recency = new();
    private readonly Dictionary<DnsQuestionKey, Task<DnsAnswer>> inFlight = [];
    private readonly Lock gate = new();

    /// <summary>Answers held now (expired ones included until touched or evicted).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The cached answer, the exchange already in flight, or a new exchange started by <paramref name="exchange"/>.</summary>
    public Task<DnsAnswer> GetOrAsk(DnsQuestionKey key, Func<Task<DnsAnswer>> exchange)
    {
        TaskCompletionSource<DnsAnswer> started;
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                if (node.Value.Expires > time.GetUtcNow())
                {
                    recency.Remove(node);
                    recency.AddFirst(node);
                    return node.Value.Answer;
                }

                Remove(node);
            }

            if (inFlight.TryGetValue(key, out var running))
            {
                return running;
            }

            started = new TaskCompletionSource<DnsAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
            inFlight[key] = started.Task;
        }

        _ = FillAsync(key, exchange, started);
        return started.Task;
    }

    /// <summary>How long <paramref name="answer"/> may be kept; zero when it must not be.</summary>
    public static TimeSpan TimeToLive(DnsAnswer answer, TimeSpan maxTtl)
    {
        if (!answer.Succeeded || answer.Response is not { } response)
        {
            return TimeSpan.Zero;
        }

        int? seconds;
        if (response.Answers.Count > 0)
        {
            seconds = response.Answers.Min(r => r.InitialTimeToLive);
        }
        else if (response.Authorities.OfType<SoaRecord>().FirstOrDefault() is { } soa)
        {
            seconds = (int)Math.Min((uint)Math.Max(0, soa.InitialTimeToLive), soa.Minimum);
        }
        else if (response.Authorities.OfType<NsRecord>().Any())
        {
            seconds = response.Authorities.Concat(response.Additionals.Where(r => r.RecordType != ResourceRecordType.OPT)).Min(r => r.InitialTimeToLive);
        }
        else
        {
            seconds = null;
        }

        return seconds is > 0 ? TimeSpan.FromSeconds(Math.Min(seconds.Value, maxTtl.TotalSeconds)) : TimeSpan.Zero;
    }

    private async Task FillAsync(DnsQuestionKey key, Func<Task<DnsAnswer>> exchange, TaskCompletionSource<DnsAnswer> started)
    {
        DnsAnswer answer;
        try
        {
            answer = await exchange();
        }
        catch (OperationCanceledException exception)
        {
            Forget(key);
            started.TrySetCanceled(exception.CancellationToken);
            return;
        }
        catch (Exception exception)
        {
            Forget(key);
            started.TrySetException(exception);
            return;
        }

        var ttl = TimeToLive(answer, maxTtl);
        lock (gate)
        {
            inFlight.Remove(key);
            if (ttl > TimeSpan.Zero && capacity > 0)
            {
                if (entries.TryGetValue(key, out var old))
                {
                    Remove(old);
                }

                entries[key] = recency.AddFirst(new Entry(key, started.Task, time.GetUtcNow() + ttl));
                while (entries.Count > capacity && recency.Last is { } oldest)
                {
                    Remove(oldest);
                }
            }
        }

        started.TrySetResult(answer);
    }

    private void Forget(DnsQuestionKey key)
    {
        lock (gate)
        {
            inFlight.Remove(key);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        entries.Remove(node.Value.Key);
    }

    private sealed record Entry(DnsQuestionKey Key, Task<DnsAnswer> Answer, DateTimeOffset Expires);
}

/// <summary>What a DNS answer is cached under: who was asked, the name (lowercase, no trailing dot) and the type.</summary>
internal readonly record struct DnsQuestionKey(string Server, string Name, QueryType Type);
