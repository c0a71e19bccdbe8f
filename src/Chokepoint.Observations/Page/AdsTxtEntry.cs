using System.Text.Json.Serialization;

namespace Chokepoint.Observations.Page;

/// <summary>One authorised-seller line of ads.txt (IAB Tech Lab ads.txt 1.1).</summary>
public sealed record AdsTxtEntry
{
    /// <summary>Canonical domain of the advertising system, lowercased.</summary>
    [JsonPropertyName("adSystem")]
    public required string AdSystem { get; init; }

    [JsonPropertyName("accountId")]
    public required string AccountId { get; init; }

    /// <summary>"DIRECT" or "RESELLER".</summary>
    [JsonPropertyName("relationship")]
    public required string Relationship { get; init; }

    [JsonPropertyName("certificationAuthorityId")]
    public string? CertificationAuthorityId { get; init; }

    /// <summary>"ads.txt" or "app-ads.txt".</summary>
    [JsonPropertyName("file")]
    public string File { get; init; } = "ads.txt";
}
