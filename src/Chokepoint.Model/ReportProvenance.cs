using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>What produced a report: the tool's version and the version of every data set it used.</summary>
public sealed record ReportProvenance
{
    /// <summary>The version of the tool that analysed the observations.</summary>
    [JsonPropertyName("toolVersion")]
    public required string ToolVersion { get; init; }

    /// <summary>The version of the tool that collected the observations (may differ for a saved file).</summary>
    [JsonPropertyName("collectedBy")]
    public string? CollectedBy { get; init; }

    /// <summary>Each data set the analysis used.</summary>
    [JsonPropertyName("dataSets")]
    public IReadOnlyList<DataSetVersion> DataSets { get; init; } = [];
}
