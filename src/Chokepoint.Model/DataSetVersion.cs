using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>One data set behind a report: its name, version, date and a hash of its content.</summary>
/// <param name="Name">"provider-catalog", "public-suffix-list", "ip-to-asn" or "termination-history".</param>
/// <param name="Version">The package version, or "built in" for data that ships with the tool.</param>
/// <param name="Date">The date of the data (yyyy-MM-dd), when known.</param>
/// <param name="ContentHash">"sha256:" and the hex digest of the data as loaded, when known.</param>
public sealed record DataSetVersion(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("date")] string? Date = null,
    [property: JsonPropertyName("contentHash")] string? ContentHash = null);
