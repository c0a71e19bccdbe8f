using System.Text.Json.Serialization;

namespace Chokepoint.Engine.Data;

/// <summary>One data set as <c>chokepoint data status</c> reports it.</summary>
public sealed record DataSetStatus
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("purpose")]
    public required string Purpose { get; init; }

    [JsonPropertyName("installed")]
    public bool Installed { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    /// <summary>Date of the data, from the package version or the file's time.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    [JsonPropertyName("licence")]
    public required string Licence { get; init; }

    [JsonPropertyName("attribution")]
    public string? Attribution { get; init; }

    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>What is missing and how to fix it, when not installed.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
