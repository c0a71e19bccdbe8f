using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Mail;

/// <summary>Who receives mail for the domain (MX), who may send as it (SPF) and who gets its DMARC reports.</summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7208">RFC 7208: SPF</seealso>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc7489">RFC 7489: DMARC</seealso>
public sealed record MailObservation
{
    [JsonPropertyName("mx")]
    public List<MxObservation> Mx { get; init; } = [];

    [JsonPropertyName("mxTtl")]
    public int? MxTtl { get; init; }

    /// <summary>The SPF record text, if one was published.</summary>
    [JsonPropertyName("spf")]
    public string? Spf { get; init; }

    /// <summary>Domains named by include: and redirect= in the SPF record.</summary>
    [JsonPropertyName("spfIncludes")]
    public List<string> SpfIncludes { get; init; } = [];

    [JsonPropertyName("dmarc")]
    public string? Dmarc { get; init; }

    /// <summary>Hosts of the mailto: addresses in DMARC rua/ruf.</summary>
    [JsonPropertyName("dmarcReceivers")]
    public List<string> DmarcReceivers { get; init; } = [];

    [JsonPropertyName("provenance")]
    public Provenance? Provenance { get; init; }
}
