using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Tls;

/// <summary>The certificate chain a host served over TLS, and what it says of its issuer.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280: X.509 certificates</seealso>
public sealed record TlsObservation
{
    [JsonPropertyName("host")]
    public required string Host { get; init; }

    /// <summary>Leaf first.</summary>
    [JsonPropertyName("chain")]
    public List<CertificateObservation> Chain { get; init; } = [];

    /// <summary>Whether the chain validated against the trust store in use, and if not, why.</summary>
    [JsonPropertyName("valid")]
    public bool Valid { get; init; }

    [JsonPropertyName("validationErrors")]
    public List<string> ValidationErrors { get; init; } = [];

    /// <summary>Whether the server stapled an OCSP response; null when it could not be told.</summary>
    [JsonPropertyName("ocspStapled")]
    public bool? OcspStapled { get; init; }

    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
