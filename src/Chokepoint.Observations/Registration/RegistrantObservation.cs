using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Registration;

/// <summary>
/// The registrant of a domain as its RDAP answer publishes it: the entity of role "registrant" (RFC 9083 section
/// 10.2.4). Many registries and registrars withhold it (ICANN's Registration Data Policy, RFC 9537): what is
/// withheld is not recorded as a value, and <see cref="Redacted"/> says so.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9083">RFC 9083: JSON Responses for RDAP</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc9537">RFC 9537: Redacted Fields in RDAP</seealso>
public sealed record RegistrantObservation
{
    /// <summary>The jCard "org" value as published; null when none is published or it is withheld.</summary>
    [JsonPropertyName("organisation")]
    public string? Organisation { get; init; }

    /// <summary>The jCard "fn" value as published; null when none is published or it is withheld.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The registry's handle of the registrant contact; null when none is published or it is withheld.</summary>
    [JsonPropertyName("handle")]
    public string? Handle { get; init; }

    /// <summary>
    /// True when the answer says registrant data was withheld: a "REDACTED FOR PRIVACY" remark on the entity, an
    /// RFC 9537 "redacted" member naming a registrant field, or a placeholder in place of a value.
    /// </summary>
    [JsonPropertyName("redacted")]
    public bool Redacted { get; init; }
}
