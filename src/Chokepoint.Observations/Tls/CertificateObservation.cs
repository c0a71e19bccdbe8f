using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Tls;

/// <summary>The facts of one certificate that attribution uses.</summary>
public sealed record CertificateObservation
{
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("issuer")]
    public required string Issuer { get; init; }

    /// <summary>The issuer's organisation (O=), the CA's name as attributed.</summary>
    [JsonPropertyName("issuerOrganization")]
    public string? IssuerOrganization { get; init; }

    [JsonPropertyName("issuerCommonName")]
    public string? IssuerCommonName { get; init; }

    [JsonPropertyName("subjectAlternativeNames")]
    public List<string> SubjectAlternativeNames { get; init; } = [];

    [JsonPropertyName("notBefore")]
    public DateTimeOffset NotBefore { get; init; }

    [JsonPropertyName("notAfter")]
    public DateTimeOffset NotAfter { get; init; }

    /// <summary>OCSP responder URLs from the Authority Information Access extension.</summary>
    [JsonPropertyName("ocspUrls")]
    public List<string> OcspUrls { get; init; } = [];

    [JsonPropertyName("serialNumber")]
    public string? SerialNumber { get; init; }
}
