using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;
using DnsClient;
using DnsClient.Protocol;

namespace Chokepoint.Collection.Dns;

/// <summary>
/// The DNS seam: queries through the profile's recursive resolver (or the system's), or directly to an
/// authoritative server at <see cref="NetworkProfile.DnsPort"/>. No cache; every failure is returned as data.
/// Identical queries made during one collection share one exchange.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035">RFC 1035: Domain Names</seealso>
public sealed class DnsLookup
{
    private readonly LookupClient client;
    private readonly NetworkProfile profile;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<(string Server, string Name, QueryType Type), Lazy<Task<DnsAnswer>>> exchanges = new();

    /// <summary>Creates a lookup for <paramref name="profile"/>, with one timeout for each query.</summary>
    public DnsLookup(NetworkProfile profile, TimeProvider time, TimeSpan queryTimeout)
    {
        this.profile = profile;
        this.time = time;
        QueryTimeout = queryTimeout;
        var options = profile.Resolver is { Length: > 0 } resolver
            ? new LookupClientOptions(ParseEndPoint(resolver, 53))
            : new LookupClientOptions();
        options.UseCache = false;
        options.Timeout = queryTimeout;
        options.Retries = 0;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        options.ContinueOnEmptyResponse = false;
        options.UseTcpFallback = true;
        client = new LookupClient(options);
        ResolverSource = profile.Resolver is { Length: > 0 } r ? $"dns {r}" : "dns system resolver";
    }

    /// <summary>The timeout of each query.</summary>
    public TimeSpan QueryTimeout { get; }

    /// <summary>"dns 127.0.0.1:5353" or "dns system resolver".</summary>
    public string ResolverSource { get; }

    /// <summary>Asks the recursive resolver.</summary>
    public Task<DnsAnswer> QueryAsync(string name, QueryType type, CancellationToken cancellationToken) =>
        Shared(ResolverSource, name, type, () => ExchangeAsync(null, name, type, cancellationToken));

    /// <summary>Asks an authoritative server directly (recursion not desired) on the profile's DNS port.</summary>
    public Task<DnsAnswer> QueryServerAsync(IPAddress server, string name, QueryType type, CancellationToken cancellationToken)
    {
        var endPoint = new IPEndPoint(server, profile.DnsPort);
        return Shared($"dns {endPoint}", name, type, () => ExchangeAsync(endPoint, name, type, cancellationToken));
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

    /// <summary>The addresses in an answer (A and AAAA records of any owner, in order).</summary>
    public static IEnumerable<IPAddress> Addresses(DnsAnswer answer) =>
        answer.Response?.Answers.OfType<AddressRecord>().Select(r => r.Address) ?? [];

    /// <summary>"127.0.0.1:5353" or "[::1]:53" or "127.0.0.1" (with <paramref name="defaultPort"/>).</summary>
    public static IPEndPoint ParseEndPoint(string text, int defaultPort)
    {
        var endPoint = IPEndPoint.Parse(text.Trim());
        return endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, defaultPort) : endPoint;
    }

    private Task<DnsAnswer> Shared(string server, string name, QueryType type, Func<Task<DnsAnswer>> exchange)
    {
        var key = (server, name.TrimEnd('.').ToLowerInvariant(), type);
        var lazy = exchanges.GetOrAdd(key, _ => new Lazy<Task<DnsAnswer>>(exchange, LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    private async Task<DnsAnswer> ExchangeAsync(IPEndPoint? server, string name, QueryType type, CancellationToken cancellationToken)
    {
        var source = server is null ? ResolverSource : $"dns {server}";
        using var probe = new ProbeTimer(QueryTimeout, time, cancellationToken);
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
        catch (Exception) when (probe.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            return Failed(source, probe.TimeoutReason, GapKind.Timeout);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
        {
            throw new OperationCanceledException("DNS query cancelled", exception, cancellationToken);
        }
        catch (DnsResponseException exception) when (exception.Code == DnsResponseCode.ConnectionTimeout)
        {
            return Failed(source, probe.TimeoutReason, GapKind.Timeout);
        }
        catch (SocketException exception)
        {
            return Failed(source, FailureText.Describe(exception), FailureKinds.Of(exception));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The boundary: whatever DnsClient throws for a message it cannot read becomes a reported failure.
            return Failed(source, $"malformed answer: {FailureText.Describe(exception)}", GapKind.Malformed);
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
        var options = new DnsQueryOptions
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
        return client.QueryServerAsync(servers, question, options, cancellationToken);
    }

    private DnsAnswer Answered(string source, IDnsQueryResponse response)
    {
        var (failure, kind) = DescribeResponseCode(response);
        return new() { Response = response, Failure = failure, FailureKind = kind, Source = source, At = time.GetUtcNow() };
    }

    private DnsAnswer Failed(string source, string reason, GapKind kind) =>
        new() { Failure = reason, FailureKind = kind, TimedOut = kind == GapKind.Timeout, Source = source, At = time.GetUtcNow() };

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
