using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// The observed facts behind one dependency that matter for risk and recovery, typed so that no stage reads
/// another's prose: renderers turn them into words. Each member is present only for the services it concerns
/// (a registrar has <see cref="Registrar"/>, a CA <see cref="Certificates"/> and <see cref="Caa"/>, ...).
/// </summary>
public sealed record DependencyFacts
{
    /// <summary>A registrar's view of the domain: status codes, lock, hold, dates.</summary>
    [JsonPropertyName("registrar")]
    public RegistrarFacts? Registrar { get; init; }

    /// <summary>The site's delegation served by a DNS operator: its nameservers and the parent's NS TTL.</summary>
    [JsonPropertyName("delegation")]
    public DelegationFacts? Delegation { get; init; }

    /// <summary>For what a provider relies on: the zone whose DNS it is, and what it is needed for.</summary>
    [JsonPropertyName("upstream")]
    public UpstreamFacts? Upstream { get; init; }

    /// <summary>The certificates a CA issued for the site's hosts.</summary>
    [JsonPropertyName("certificates")]
    public IReadOnlyList<CertificateFacts>? Certificates { get; init; }

    /// <summary>The site's CAA set, as seen when the certificate was looked at.</summary>
    [JsonPropertyName("caa")]
    public CaaFacts? Caa { get; init; }

    /// <summary>The host names through which the provider was found (CNAME target, address and AS, response header).</summary>
    [JsonPropertyName("hosts")]
    public IReadOnlyList<HostUse>? Hosts { get; init; }

    /// <summary>The resources the pages load from the provider.</summary>
    [JsonPropertyName("pageUses")]
    public IReadOnlyList<PageUse>? PageUses { get; init; }

    /// <summary>The links the pages make to the provider (affiliate, donation, payment links).</summary>
    [JsonPropertyName("links")]
    public IReadOnlyList<LinkUse>? Links { get; init; }

    /// <summary>The site's mail exchangers the provider runs.</summary>
    [JsonPropertyName("exchangers")]
    public IReadOnlyList<MailExchanger>? Exchangers { get; init; }

    /// <summary>The ads.txt lines that name the ad system.</summary>
    [JsonPropertyName("sellers")]
    public IReadOnlyList<AdsSeller>? Sellers { get; init; }

    /// <summary>For a CDN: origin hosts that answer outside it (attackable around the proxy, a way back if it withdraws).</summary>
    [JsonPropertyName("exposedOrigins")]
    public IReadOnlyList<HostUse>? ExposedOrigins { get; init; }
}
