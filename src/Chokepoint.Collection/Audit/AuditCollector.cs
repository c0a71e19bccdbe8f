using Chokepoint.Collection.Session;
using Chokepoint.Observations;
using Chokepoint.Observations.Network;
using Chokepoint.Naming;

namespace Chokepoint.Collection.Audit;

/// <summary>
/// Collects everything about one site under one time budget, through a <see cref="CollectionSession"/> made for
/// this one collection and disposed after it (a host auditing many sites keeps one session instead). RDAP, the DNS
/// delegation and zone, the apex and www hosts and mail run at once; TLS, HTTP and the page collector start for
/// each host as soon as its addresses are known; the zones of the hosts' CNAME targets as soon as their chains
/// are known, and the certificate's OCSP responder host (and its zones) as soon as the chain is. Network trouble
/// never throws: each failure is an <see cref="Unobserved"/> entry with its reason, and work not finished within
/// the budget is reported as such. Only the caller's cancellation throws (<see cref="OperationCanceledException"/>).
/// </summary>
public sealed class AuditCollector(TimeProvider time)
{
    /// <summary>Labels probed for a directly reachable origin (a miss is expected and not reported).</summary>
    public static IReadOnlyList<string> OriginNames => SiteCollectors.OriginNames;

    /// <summary>A collector on the system clock.</summary>
    public AuditCollector()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Collects the observations of <paramref name="domain"/> through <paramref name="profile"/>.</summary>
    public async Task<SiteObservations> CollectAsync(
        string domain, NetworkProfile profile, CollectionOptions options, CancellationToken cancellationToken)
    {
        var settings = new CollectionSettings
        {
            Network = profile,
            DnsQueryTimeout = options.DnsQueryTimeout,
            RdapTimeout = options.RdapTimeout,
            TlsTimeout = options.TlsTimeout,
            HttpTimeout = options.HttpTimeout,
            MaxRedirects = options.MaxRedirects,
            UseCymruDns = options.UseCymruDns,
            ToolVersion = options.ToolVersion,
            AddressPolicy = options.AddressPolicy,
            MaxProbedHosts = options.MaxProbedHosts,
        };
        await using var session = new CollectionSession(settings, options.AsnDatabase, time, rdapBootstrap: options.RdapBootstrap);
        return await session.CollectAsync(domain, new SiteCollectionRequest { Timeout = options.Timeout, PageCollector = options.PageCollector }, cancellationToken);
    }

    /// <summary>Lowercase, no trailing dot, internationalised labels in punycode; the host of a URL.</summary>
    public static string Normalise(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var trimmed = domain.Trim();
        return trimmed.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? HostName.Of(uri)
            : HostName.Normalize(trimmed);
    }
}
