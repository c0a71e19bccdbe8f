using System.Net;
using System.Text.Json.Serialization;
using Chokepoint.Collection.Transport;
using Chokepoint.Observations.Network;

namespace Chokepoint.Collection.Session;

/// <summary>
/// Everything a <see cref="CollectionSession"/> is built from that can be written in a settings file: the network,
/// per-probe timeouts, the address policy, the DNS cache, per-server limits and the RDAP bootstrap's lifetime.
/// Check it with <see cref="Validate"/> at start-up; the session refuses settings that do not validate.
/// </summary>
public sealed record CollectionSettings
{
    /// <summary>Where the collectors send their queries; the real internet by default.</summary>
    public NetworkProfile Network { get; init; } = NetworkProfile.Internet;

    /// <summary>Timeout of each DNS query.</summary>
    public TimeSpan DnsQueryTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Timeout of each RDAP request.</summary>
    public TimeSpan RdapTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of each TLS handshake (connect included), and of each HTTP connect.</summary>
    public TimeSpan TlsTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Timeout of each HTTP fetch with its redirects.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Most redirects followed per URL.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>
    /// Which addresses may be connected to; when null, <see cref="Transport.AddressPolicy.DefaultMode"/> of
    /// <see cref="Network"/> (public internet, or loopback only for a simulated one). Unrestricted only when set.
    /// </summary>
    [JsonConverter(typeof(JsonStringEnumConverter<AddressPolicyMode>))]
    public AddressPolicyMode? AddressPolicy { get; init; }

    /// <summary>Addresses allowed whatever the policy's mode (e.g. an internal resolver), as text ("10.0.0.53").</summary>
    public IReadOnlyList<string> AddressPolicyExceptions { get; init; } = [];

    /// <summary>Most DNS answers kept by the session (least recently used evicted first); 0 for none.</summary>
    public int DnsCacheSize { get; init; } = 10_000;

    /// <summary>The longest a DNS answer is kept, whatever its TTL.</summary>
    public TimeSpan DnsMaxTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Limits per DNS server endpoint (the resolver, each authoritative address).</summary>
    public ServerLimits DnsServerLimits { get; init; } = new(MaxConcurrent: 64, MaxPerSecond: 0);

    /// <summary>Limits per RDAP server (host and port).</summary>
    public ServerLimits RdapServerLimits { get; init; } = new(MaxConcurrent: 4, MaxPerSecond: 10);

    /// <summary>
    /// Limits per web host name, over HTTP requests and TLS handshakes together (site hosts, CDN fronts, OCSP
    /// responders and RDAP servers alike); 0 per second for no rate limit.
    /// </summary>
    public ServerLimits WebHostLimits { get; init; } = new(MaxConcurrent: 32, MaxPerSecond: 0);

    /// <summary>How long a fetched RDAP bootstrap is used before it is fetched again.</summary>
    public TimeSpan RdapBootstrapMaxAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The longest RDAP Retry-After waited out (when it also fits in the site's budget).</summary>
    public TimeSpan RdapMaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Third-party hosts the page collector asks for the response headers that name their CDN, per site (the first
    /// ones seen; the rest are reported as not probed); 0 for none, at most <see cref="Page.PageCollectorOptions.MaxProbedHostsLimit"/>.
    /// </summary>
    public int MaxProbedHosts { get; init; } = 12;

    /// <summary>Whether to ask Team Cymru's DNS service for addresses the IP-to-ASN table does not cover.</summary>
    public bool UseCymruDns { get; init; }

    /// <summary>The tool version written into the observations; the assembly's when null.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>Why these settings cannot be used, one message per problem; empty when they can.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var network = Network;
        if (network.Resolver is { Length: > 0 } resolver && !IPEndPoint.TryParse(resolver.Trim(), out _))
        {
            errors.Add($"network.resolver \"{resolver}\" is not an address with an optional port (\"127.0.0.1:5353\", \"[::1]:53\")");
        }

        CheckPort(errors, "network.dnsPort", network.DnsPort);
        CheckPort(errors, "network.httpPort", network.HttpPort);
        CheckPort(errors, "network.httpsPort", network.HttpsPort);
        if (network.RdapBootstrap is { Length: > 0 } bootstrap
            && !(Uri.TryCreate(bootstrap, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"network.rdapBootstrap \"{bootstrap}\" is not an absolute http or https URL");
        }

        CheckPositive(errors, nameof(DnsQueryTimeout), DnsQueryTimeout);
        CheckPositive(errors, nameof(RdapTimeout), RdapTimeout);
        CheckPositive(errors, nameof(TlsTimeout), TlsTimeout);
        CheckPositive(errors, nameof(HttpTimeout), HttpTimeout);
        CheckPositive(errors, nameof(DnsMaxTtl), DnsMaxTtl);
        CheckPositive(errors, nameof(RdapBootstrapMaxAge), RdapBootstrapMaxAge);
        if (RdapMaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{nameof(RdapMaxRetryAfter)} must not be negative (is {RdapMaxRetryAfter})");
        }

        if (MaxRedirects < 0)
        {
            errors.Add($"{nameof(MaxRedirects)} must not be negative (is {MaxRedirects})");
        }

        if (MaxProbedHosts is < 0 or > Page.PageCollectorOptions.MaxProbedHostsLimit)
        {
            errors.Add($"{nameof(MaxProbedHosts)} must be between 0 and {Page.PageCollectorOptions.MaxProbedHostsLimit} (is {MaxProbedHosts})");
        }

        if (DnsCacheSize < 0)
        {
            errors.Add($"{nameof(DnsCacheSize)} must not be negative (is {DnsCacheSize})");
        }

        if (AddressPolicy is { } mode && !Enum.IsDefined(mode))
        {
            errors.Add($"{nameof(AddressPolicy)} {(int)mode} is not a mode");
        }

        errors.AddRange(AddressPolicyExceptions.Where(a => !IPAddress.TryParse(a, out _)).Select(a => $"address policy exception \"{a}\" is not an IP address"));
        errors.AddRange(DnsServerLimits.Validate(nameof(DnsServerLimits)));
        errors.AddRange(RdapServerLimits.Validate(nameof(RdapServerLimits)));
        errors.AddRange(WebHostLimits.Validate(nameof(WebHostLimits)));
        return errors;
    }

    /// <summary>The address policy these settings ask for: the explicit mode, or the network's default, with the exceptions.</summary>
    public AddressPolicy CreateAddressPolicy() =>
        new(AddressPolicy ?? Transport.AddressPolicy.DefaultMode(Network), AddressPolicyExceptions.Select(IPAddress.Parse));

    private static void CheckPort(List<string> errors, string name, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{name} {port} is out of range (1-65535)");
        }
    }

    private static void CheckPositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{name} must be positive (is {value})");
        }
    }
}
