using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>The certificate served for one of the site's hosts.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280: certificates</seealso>
public sealed record CertificateFacts
{
    /// <summary>The host the certificate was served for.</summary>
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>The issuer's common name (or whole name when it has none).</summary>
    [JsonPropertyName("issuer")]
    public required string Issuer { get; init; }

    [JsonPropertyName("notBefore")]
    public DateTimeOffset NotBefore { get; init; }

    [JsonPropertyName("notAfter")]
    public DateTimeOffset NotAfter { get; init; }

    /// <summary>The validity period in whole days.</summary>
    [JsonPropertyName("validityDays")]
    public int ValidityDays { get; init; }

    /// <summary>Whether issuance looks automated (ACME), and from what.</summary>
    [JsonPropertyName("automation")]
    public required IssuanceAutomation Automation { get; init; }

    /// <summary>Whether the server stapled an OCSP response; null when not observed.</summary>
    [JsonPropertyName("ocspStapled")]
    public bool? OcspStapled { get; init; }

    /// <summary>Why the chain did not validate; empty when it did.</summary>
    [JsonPropertyName("validationErrors")]
    public IReadOnlyList<string> ValidationErrors { get; init; } = [];
}
