using Chokepoint.Collection.Asn;
using Chokepoint.Collection.Rdap;
using Chokepoint.Observations.Page;

namespace Chokepoint.Collection.Audit;

/// <summary>Time budget, per-probe timeouts, data sets and plug-ins for <see cref="AuditCollector"/>.</summary>
public sealed record CollectionOptions
{
    /// <summary>The whole collection's budget; what is not finished by then is reported as unobserved.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of each DNS query.</summary>
    public TimeSpan DnsQueryTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Timeout of each RDAP request.</summary>
    public TimeSpan RdapTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of each TLS handshake (connect included).</summary>
    public TimeSpan TlsTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Timeout of each HTTP fetch with its redirects.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Most redirects followed per URL.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Third-party hosts the page collector asks for their CDN headers, per site (<see cref="Session.CollectionSettings.MaxProbedHosts"/>).</summary>
    public int MaxProbedHosts { get; init; } = 12;

    /// <summary>An IP-to-ASN table already loaded; when null, the profile's file is opened (if any).</summary>
    public AsnDatabase? AsnDatabase { get; init; }

    /// <summary>Whether to ask Team Cymru's DNS service for addresses the table does not cover.</summary>
    public bool UseCymruDns { get; init; }

    /// <summary>An RDAP bootstrap already loaded; when null it is fetched from the profile's URL or IANA.</summary>
    public RdapBootstrap? RdapBootstrap { get; init; }

    /// <summary>Which addresses may be connected to; the network profile's default when null (see <see cref="Transport.AddressPolicy.DefaultMode"/>).</summary>
    public Transport.AddressPolicyMode? AddressPolicy { get; init; }

    /// <summary>The tool version written into the observations.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>
    /// The page collector (landing page resources, links, ads.txt); none when null, and then no page observation.
    /// It runs once the apex and www addresses are known, alongside TLS and HTTP.
    /// </summary>
    public Func<PageCollectionContext, CancellationToken, Task<PageObservation>>? PageCollector { get; init; }
}
