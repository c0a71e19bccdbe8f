using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Logging;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// The DNS seam: queries through the profile's recursive resolver (or the system's), or directly to an
/// authoritative server at <see cref="NetworkProfile.DnsPort"/>. Every failure is returned as data. Every server
/// asked is checked against the <see cref="AddressPolicy"/> first. A lookup made with <see cref="DnsLookupOptions"/>
/// keeps answers for their TTL (<see cref="DnsLookupOptions.CacheSize"/>) and is shared by many collections, each
/// through its own <see cref="CreateScope"/>; within one scope (one collection) identical queries share one
/// answer, failures included, as they always have.
/// </summary>
/// <remarks>
/// Exchanges run on <see cref="DnsLookupOptions.Lifetime"/> with the per-query timeout, never on a caller's token:
/// each caller waits with its own token, so one audit's cancellation or budget does not cancel another's wait.
/// The system resolver's addresses (when the profile names none) come from the host's configuration, not from the
/// network, and are not checked against the policy (systemd-resolved listens on 127.0.0.53).
/// </remarks>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035">RFC 1035: Domain Names</seealso>
public sealed class DnsLookup
{
    private readonly Transport core;
    private readonly ConcurrentDictionary<DnsQuestionKey, Lazy<Task<DnsAnswer>>>? memo;

    /// <summary>Creates a one-collection lookup for <paramref name="profile"/>, with one timeout for each query and no cache.</summary>
    public DnsLookup(NetworkProfile profile, TimeProvider time, TimeSpan queryTimeout)
        : this(new Transport(profile, time, queryTimeout, new DnsLookupOptions()), new())
    {
    }

    /// <summary>
    /// Creates a long-lived lookup with a cache, a policy and limits. It does not remember failures; use
    /// <see cref="CreateScope"/> for each collection.
    /// </summary>
    public DnsLookup(NetworkProfile profile, TimeProvider time, TimeSpan queryTimeout, DnsLookupOptions options)
        : this(new Transport(profile, time, queryTimeout, options), null)
    {
    }

    private DnsLookup(Transport core, ConcurrentDictionary<DnsQuestionKey, Lazy<Task<DnsAnswer>>>? memo)
    {
        this.core = core;
        this.memo = memo;
    }

    /// <summary>The timeout of each query.</summary>
    public TimeSpan QueryTimeout => core.QueryTimeout;

    /// <summary>"dns 127.0.0.1:5353" or "dns system resolver".</summary>
    public string ResolverSource => core.ResolverSource;

    /// <summary>Answers held in the shared cache now.</summary>
    public int CachedAnswers => core.Cache.Count;

    /// <summary>
    /// A view for one collection: same transport and cache, and its own memory of every answer it received
    /// (failures included), so one collection sees one answer per question.
    /// </summary>
    public DnsLookup CreateScope() => new(core, new());

    /// <summary>Asks the recursive resolver.</summary>
    public Task<DnsAnswer> QueryAsync(string name, QueryType type, CancellationToken cancellationToken) =>
        Shared(ResolverSource, name, type, () => core.ExchangeAsync(null, name, type), cancellationToken);

    /// <summary>Asks an authoritative server directly (recursion not desired) on the profile's DNS port.</summary>
    public Task<DnsAnswer> QueryServerAsync(IPAddress server, string name, QueryType type, CancellationToken cancellationToken)
    {
        var endPoint = new IPEndPoint(server, core.Profile.DnsPort);
        return Shared($"dns {endPoint}", name, type, () => core.ExchangeAsync(endPoint, name, type), cancellationToken);
    }

    /// <summary>A and AAAA of <paramref name="host"/> through the resolver (IPv4 first); empty when none or on failure.</summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveAddressesAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        var a = QueryAsync(host, QueryType.A, cancellationToken);
        var aaaa = QueryAsync(host, QueryType.AAAA, cancellationToken);
        await Task.WhenAll(a, aaaa);
        return Addresses(a.Result).Concat(Addresses(aaaa.Result)).Distinct().ToList();
    }

    /// <summary>
    /// The CNAME chain of <paramref name="host"/> in its A and AAAA answers (the same questions
    /// <see cref="ResolveAddressesAsync"/> asks, so within a scope nothing more is sent): tells a name with no address
    /// from one whose aliases loop or run on (<see cref="AliasChain.Problem"/>).
    /// </summary>
    public async Task<AliasChain> AliasesAsync(string host, CancellationToken cancellationToken)
    {
        var a = QueryAsync(host, QueryType.A, cancellationToken);
        var aaaa = QueryAsync(host, QueryType.AAAA, cancellationToken);
        await Task.WhenAll(a, aaaa);
        return AliasChain.Follow(host, new[] { a.Result, aaaa.Result }.Where(r => r.Succeeded).SelectMany(r => r.Response!.Answers));
    }

    /// <summary>The addresses in an answer (A and AAAA records of any owner, in order).</summary>
    public static IEnumerable<IPAddress> Addresses(DnsAnswer answer) =>
        answer.Response?.Answers.OfType<AddressRecord>().Select(r => r.Address) ?? [];

    /// <summary>"127.0.0.1:5353" or "[::1]:53" or "127.0.0.1" (with <paramref name="defaultPort"/>).</summary>
    public static IPEndPoint ParseEndPoint(string text, int defaultPort)
    {
        var endPoint = IPEndPoint.Parse(text.Trim());
        return endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, defaultPort) : endPoint;
    }

    private Task<DnsAnswer> Shared(string server, string name, QueryType type, Func<Task<DnsAnswer>> exchange, CancellationToken cancellationToken)
    {
        var key = new DnsQuestionKey(server, HostName.Normalize(name), type);
        var shared = memo is null
            ? core.Cache.GetOrAsk(key, exchange)
            : memo.GetOrAdd(key, k => new Lazy<Task<DnsAnswer>>(() => core.Cache.GetOrAsk(k, exchange), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return shared.WaitAsync(cancellationToken);
    }

    /// <summary>The sockets, shared by a lookup and its scopes.</summary>
    private sealed class Transport
    {
        private readonly LookupClient client;
        private readonly TimeProvider time;
        private readonly DnsLookupOptions options;
        private readonly IPEndPoint? resolver;

        public Transport(NetworkProfile profile, TimeProvider time, TimeSpan queryTimeout, DnsLookupOptions options)
        {
            Profile = profile;
            this.time = time;
            this.options = options;
            QueryTimeout = queryTimeout;
            Cache = new DnsCache(options.CacheSize, options.MaxCacheTtl, time);
            resolver = profile.Resolver is { Length: > 0 } configured ? ParseEndPoint(configured, 53) : null;
            var clientOptions = resolver is not null ? new LookupClientOptions(resolver) : new LookupClientOptions();
            clientOptions.UseCache = false;
            clientOptions.Timeout = queryTimeout;
            clientOptions.Retries = 0;
            clientOptions.ThrowDnsErrors = false;
            clientOptions.ContinueOnDnsError = false;
            clientOptions.ContinueOnEmptyResponse = false;
            clientOptions.UseTcpFallback = true;
            client = new LookupClient(clientOptions);
            ResolverSource = profile.Resolver is { Length: > 0 } r ? $"dns {r}" : "dns system resolver";
        }

        public NetworkProfile Profile { get; }

        public TimeSpan QueryTimeout { get; }

        public string ResolverSource { get; }

        public DnsCache Cache { get; }

        public async Task<DnsAnswer> ExchangeAsync(IPEndPoint? server, string name, QueryType type)
        {
            var source = server is null ? ResolverSource : $"dns {server}";
            using var activity = CollectionTelemetry.Source.StartActivity(CollectionTelemetry.DnsQuery, ActivityKind.Client);
            activity?.SetTag("dns.server", source);
            activity?.SetTag("dns.name", name);
            activity?.SetTag("dns.type", type.ToString());
            var answer = await ExchangeOrFailAsync(server, source, name, type);
            var outcome = answer.Failure ?? (answer.NameDoesNotExist ? "NXDOMAIN" : "NOERROR");
            activity?.SetTag("dns.outcome", outcome);
            if (answer.Failure is { } failure)
            {
                activity?.SetStatus(ActivityStatusCode.Error, failure);
                if (options.Logger is { } logger && logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("DNS {Type} {Name} at {Server} failed: {Reason}", type, name, source, failure);
                }
            }

            return answer;
        }

        private async Task<DnsAnswer> ExchangeOrFailAsync(IPEndPoint? server, string source, string name, QueryType type)
        {
            // The recursive resolver (the profile's or the system's) is the user's own configuration, often on a local
            // or private address; every authoritative server an answer leads to is checked.
            if (server is { } asked && options.AddressPolicy.RefusalReason(asked.Address) is { } refusal)
            {
                return Failed(source, refusal, GapKind.RefusedByPolicy);
            }

            var lifetime = options.Lifetime;

            // A turn at the server first, under its own clock: time spent in our own queue is not the server's, and a
            // query that gets no turn is bounded by the per-server limit, not timed out by the server.
            RateLimitLease? lease = null;
            if (options.ServerLimiter is { } limiter)
            {
                using var waiting = new ProbeTimer(QueryTimeout, time, lifetime);
                lease = await AcquireAsync(limiter, source, waiting);
                if (lease is not { IsAcquired: true })
                {
                    lease?.Dispose();
                    return Failed(source, lease is null
                        ? string.Create(CultureInfo.InvariantCulture, $"no turn at this server within {QueryTimeout.TotalSeconds:0.###} s (per-server limit)")
                        : "too many queries waiting for this server (per-server limit)", GapKind.Bounded);
                }
            }

            using var held = lease;
            using var probe = new ProbeTimer(QueryTimeout, time, lifetime);

            try
            {
                try
                {
                    return Answered(source, await SendAsync(server, name, type, tcpOnly: false, probe.Token));
                }
                catch (Exception exception) when (IsUnreadable(exception, probe))
                {
                    // A UDP answer cut short (TC set but not parseable) or garbled: ask once more over TCP (RFC 7766).
                    return Answered(source, await SendAsync(server, name, type, tcpOnly: true, probe.Token));
                }
            }
            catch (Exception) when (probe.TimedOut && !lifetime.IsCancellationRequested)
            {
                return Failed(source, probe.TimeoutReason, GapKind.Timeout);
            }
            catch (Exception exception) when (lifetime.IsCancellationRequested && exception is not OperationCanceledException)
            {
                throw new OperationCanceledException("DNS query cancelled", exception, lifetime);
            }
            catch (DnsResponseException exception) when (exception.Code == DnsResponseCode.ConnectionTimeout)
            {
                return Failed(source, probe.TimeoutReason, GapKind.Timeout);
            }
            catch (SocketException exception)
            {
                return Failed(source, DnsFailureText.Describe(exception), FailureKinds.Of(exception));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The boundary: whatever DnsClient throws for a message it cannot read becomes a reported failure.
                return Failed(source, $"malformed answer: {DnsFailureText.Describe(exception)}", GapKind.Malformed);
            }
        }

        /// <summary>A permit of the server's limiter, or an unacquired lease when the probe ran out waiting.</summary>
        private static async Task<RateLimitLease?> AcquireAsync(PartitionedRateLimiter<string> limiter, string source, ProbeTimer probe)
        {
            try
            {
                return await limiter.AcquireAsync(source, 1, probe.Token);
            }
            catch (OperationCanceledException) when (probe.TimedOut)
            {
                return null;
            }
        }

        private static bool IsUnreadable(Exception exception, ProbeTimer probe) =>
            !probe.Token.IsCancellationRequested
            && exception is not (OperationCanceledException or SocketException)
            && !(exception is DnsResponseException { Code: DnsResponseCode.ConnectionTimeout });

        private Task<IDnsQueryResponse> SendAsync(IPEndPoint? server, string name, QueryType type, bool tcpOnly, CancellationToken cancellationToken)
        {
            var question = new DnsQuestion(name, type, QueryClass.IN);
            var servers = server is null ? client.NameServers : [new NameServer(server)];
            var query = new DnsQueryOptions
            {
                Recursion = server is null,
                UseCache = false,
                Retries = 0,
                Timeout = QueryTimeout,
                ThrowDnsErrors = false,
                ContinueOnDnsError = false,
                ContinueOnEmptyResponse = false,
                UseTcpFallback = true,
                UseTcpOnly = tcpOnly,
            };
            return client.QueryServerAsync(servers, question, query, cancellationToken);
        }

        private DnsAnswer Answered(string source, IDnsQueryResponse response)
        {
            var (failure, kind) = DescribeResponseCode(response);
            return new() { Response = response, Failure = failure, FailureKind = kind, Source = source, At = time.GetUtcNow() };
        }

        /// <summary>A failed answer; its reason is one short line whatever the server sent (<see cref="DnsFailureText"/>).</summary>
        private DnsAnswer Failed(string source, string reason, GapKind kind) =>
            new() { Failure = DnsFailureText.OneLine(reason), FailureKind = kind, TimedOut = kind == GapKind.Timeout, Source = source, At = time.GetUtcNow() };

        /// <summary>Null for NOERROR and NXDOMAIN; the mnemonic (RFC 6895) and its kind for any other code.</summary>
        private static (string? Failure, GapKind? Kind) DescribeResponseCode(IDnsQueryResponse response) => response.Header.ResponseCode switch
        {
            DnsHeaderResponseCode.NoError or DnsHeaderResponseCode.NotExistentDomain => (null, null),
            DnsHeaderResponseCode.ServerFailure => ("SERVFAIL", GapKind.ServFail),
            DnsHeaderResponseCode.Refused => ("REFUSED", GapKind.Refused),
            DnsHeaderResponseCode.FormatError => ("FORMERR", GapKind.Malformed),
            DnsHeaderResponseCode.NotImplemented => ("NOTIMP", GapKind.Failed),
            var code => ($"response code {(int)code}", GapKind.Failed),
        };
    }
}
