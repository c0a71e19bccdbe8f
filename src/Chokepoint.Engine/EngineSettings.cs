using System.Text.Json.Serialization;
using Chokepoint.Collection.Session;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations.Network;

namespace Chokepoint.Engine;

/// <summary>
/// Everything an engine is built from, serialisable so a scanner's workers and a service can share one file:
/// where to connect (the network profile), the time budgets, where the data sets live and how many audits may run
/// at once. Checked by <see cref="EngineSettingsValidator"/> when the engine is built, never mid-audit.
/// </summary>
public sealed record EngineSettings
{
    /// <summary>Where collectors connect: the real internet by default, or a simulated one written by <c>sim serve</c>.</summary>
    [JsonPropertyName("network")]
    public NetworkProfile Network { get; set; } = NetworkProfile.Internet;

    /// <summary>The data folder (data sets and indexes); null to locate it (<c>$CHOKEPOINT_DATA</c>, then the source tree).</summary>
    [JsonPropertyName("dataDirectory")]
    public string? DataDirectory { get; set; }

    /// <summary>The time budget of one site's collection; what is not finished by then is reported as not observed.</summary>
    [JsonPropertyName("siteBudget")]
    public TimeSpan SiteBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of each DNS query.</summary>
    [JsonPropertyName("dnsQueryTimeout")]
    public TimeSpan DnsQueryTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Timeout of each RDAP request.</summary>
    [JsonPropertyName("rdapTimeout")]
    public TimeSpan RdapTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of each TLS handshake, connect included.</summary>
    [JsonPropertyName("tlsTimeout")]
    public TimeSpan TlsTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Timeout of each HTTP fetch with its redirects.</summary>
    [JsonPropertyName("httpTimeout")]
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Most audits collecting at once through one engine; further ones wait their turn.</summary>
    [JsonPropertyName("maxConcurrentAudits")]
    public int MaxConcurrentAudits { get; set; } = 8;

    /// <summary>Whether audits fetch the landing page and its money pages (resources, links, ads.txt).</summary>
    [JsonPropertyName("collectPages")]
    public bool CollectPages { get; set; } = true;

    /// <summary>
    /// Third-party hosts an audit's page collection asks for the response headers that name their CDN (the first
    /// ones the pages load from; the rest are reported as not probed); 0 for none, at most 100.
    /// </summary>
    [JsonPropertyName("maxProbedHosts")]
    public int MaxProbedHosts { get; set; } = 12;

    /// <summary>
    /// Where collectors may connect: null for the network's default (public internet only for the real internet,
    /// loopback only for a simulated one); <see cref="AddressPolicyMode.Unrestricted"/> only when set.
    /// </summary>
    [JsonPropertyName("addressPolicy")]
    [JsonConverter(typeof(JsonStringEnumConverter<AddressPolicyMode>))]
    public AddressPolicyMode? AddressPolicy { get; set; }

    /// <summary>Most DNS answers the engine keeps (each for its TTL), shared by every audit.</summary>
    [JsonPropertyName("dnsCacheSize")]
    public int DnsCacheSize { get; set; } = 10_000;

    /// <summary>How old the RDAP bootstrap may grow before it is fetched again.</summary>
    [JsonPropertyName("rdapBootstrapMaxAge")]
    public TimeSpan RdapBootstrapMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Queries in flight and per second to any one DNS server (0 per second: no rate limit).</summary>
    [JsonPropertyName("dnsServerLimits")]
    public ServerLimits DnsServerLimits { get; set; } = new(MaxConcurrent: 64, MaxPerSecond: 0);

    /// <summary>Requests in flight and per second to any one RDAP server.</summary>
    [JsonPropertyName("rdapServerLimits")]
    public ServerLimits RdapServerLimits { get; set; } = new(MaxConcurrent: 4, MaxPerSecond: 10);

    /// <summary>HTTP requests and TLS handshakes in flight and per second to any one web host name.</summary>
    [JsonPropertyName("webHostLimits")]
    public ServerLimits WebHostLimits { get; set; } = new(MaxConcurrent: 32, MaxPerSecond: 0);

    /// <summary>The collection session's settings these engine settings give.</summary>
    public CollectionSettings ToCollectionSettings(string? toolVersion = null) => new()
    {
        Network = Network,
        DnsQueryTimeout = DnsQueryTimeout,
        RdapTimeout = RdapTimeout,
        TlsTimeout = TlsTimeout,
        HttpTimeout = HttpTimeout,
        AddressPolicy = AddressPolicy,
        DnsCacheSize = DnsCacheSize,
        RdapBootstrapMaxAge = RdapBootstrapMaxAge,
        DnsServerLimits = DnsServerLimits,
        RdapServerLimits = RdapServerLimits,
        WebHostLimits = WebHostLimits,
        MaxProbedHosts = MaxProbedHosts,
        ToolVersion = toolVersion,
    };
}
