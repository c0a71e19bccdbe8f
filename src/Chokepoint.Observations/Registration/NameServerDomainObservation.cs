using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Registration;

/// <summary>
/// The RDAP registration of a registrable domain that holds some of the site's nameservers and is not the site's
/// own (a sibling or older brand's domain, or a host's): its registrar of record and its registrant, to tell whether
/// the same organisation holds both domains.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9083">RFC 9083: JSON Responses for RDAP</seealso>
public sealed record NameServerDomainObservation
{
    /// <summary>The registrable domain looked up, normalised, e.g. <c>lumencorp.com</c>.</summary>
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    /// <summary>The site's nameservers under it.</summary>
    [JsonPropertyName("nameServers")]
    public List<string> NameServers { get; init; } = [];

    /// <summary>The RDAP base URL that answered.</summary>
    [JsonPropertyName("rdapService")]
    public string? RdapService { get; init; }

    [JsonPropertyName("registrarName")]
    public string? RegistrarName { get; init; }

    [JsonPropertyName("registrarIanaId")]
    public int? RegistrarIanaId { get; init; }

    /// <summary>The registrant as published; null when the answer names no registrant.</summary>
    [JsonPropertyName("registrant")]
    public RegistrantObservation? Registrant { get; init; }

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
