using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Network;

/// <summary>
/// Where the collectors send their queries: real resolvers, IANA's RDAP bootstrap and the system trust store by
/// default, or a simulated internet on loopback. <c>chokepoint sim serve --profile FILE</c> writes one as JSON;
/// every collector command takes it with <c>--network FILE</c>.
/// </summary>
public sealed record NetworkProfile
{
    /// <summary>Recursive resolver as "address:port"; null for the system resolver.</summary>
    [JsonPropertyName("resolver")]
    public string? Resolver { get; init; }

    /// <summary>UDP/TCP port on which authoritative nameservers are queried directly (53 on the real internet).</summary>
    [JsonPropertyName("dnsPort")]
    public int DnsPort { get; init; } = 53;

    /// <summary>URL of the RDAP bootstrap file for DNS (RFC 7484); null for IANA's.</summary>
    [JsonPropertyName("rdapBootstrap")]
    public string? RdapBootstrap { get; init; }

    /// <summary>PEM of the root CA to trust instead of the system store; null for the system trust store.</summary>
    [JsonPropertyName("rootCaPem")]
    public string? RootCaPem { get; init; }

    /// <summary>Path of an IP-to-ASN CSV file (start,end,asn,organisation); null for the installed data set.</summary>
    [JsonPropertyName("asnDb")]
    public string? AsnDatabase { get; init; }

    /// <summary>Port for plain HTTP on every web address (80 on the real internet).</summary>
    [JsonPropertyName("httpPort")]
    public int HttpPort { get; init; } = 80;

    /// <summary>Port for HTTPS on every web address (443 on the real internet).</summary>
    [JsonPropertyName("httpsPort")]
    public int HttpsPort { get; init; } = 443;

    /// <summary>A name for the network, e.g. "demo" for the built-in demo world or "internet".</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "internet";

    /// <summary>The real internet: system resolver, IANA bootstrap, system trust store, installed ASN data.</summary>
    public static NetworkProfile Internet { get; } = new();
}
