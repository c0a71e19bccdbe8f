using System.Text.Json.Serialization;

namespace Chokepoint.Observations;

/// <summary>A data set the collection itself used (the IP-to-ASN table), so a later analysis can name it in its report.</summary>
/// <param name="Name">"ip-to-asn".</param>
/// <param name="Version">The package version or file the data came from.</param>
/// <param name="Date">The date of the data (yyyy-MM-dd), when known.</param>
public sealed record CollectionDataSet(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("date")] string? Date = null);
