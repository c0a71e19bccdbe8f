using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Registration;

/// <summary>What the registry's RDAP service says of the domain.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9083">RFC 9083: JSON Responses for RDAP</seealso>
public sealed record RegistrationObservation
{
    /// <summary>The public suffix the domain is registered under, e.g. "com" or "co.uk".</summary>
    [JsonPropertyName("tld")]
    public required string Tld { get; init; }

    /// <summary>The RDAP base URL that answered (identifies the registry's RDAP service).</summary>
    [JsonPropertyName("rdapService")]
    public string? RdapService { get; init; }

    [JsonPropertyName("registrarName")]
    public string? RegistrarName { get; init; }

    [JsonPropertyName("registrarIanaId")]
    public int? RegistrarIanaId { get; init; }

    [JsonPropertyName("registrarAbuseEmail")]
    public string? RegistrarAbuseEmail { get; init; }

    /// <summary>RDAP status values as given ("client transfer prohibited", "active", ...).</summary>
    [JsonPropertyName("status")]
    public List<string> Status { get; init; } = [];

    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    [JsonPropertyName("expires")]
    public DateTimeOffset? Expires { get; init; }

    [JsonPropertyName("lastChanged")]
    public DateTimeOffset? LastChanged { get; init; }

    /// <summary>Nameservers at the parent according to RDAP.</summary>
    [JsonPropertyName("nameServers")]
    public List<string> NameServers { get; init; } = [];

    /// <summary>Whether RDAP says the delegation is signed (secureDNS.delegationSigned).</summary>
    [JsonPropertyName("delegationSigned")]
    public bool? DelegationSigned { get; init; }

    /// <summary>
    /// The registrant as published (by the registry, or by the registrar's RDAP service when the registry has none).
    /// Null when the answer names no registrant, or in files written before it was collected.
    /// </summary>
    [JsonPropertyName("registrant")]
    public RegistrantObservation? Registrant { get; init; }

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
