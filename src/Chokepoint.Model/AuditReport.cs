using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// The report of one audit: every layer's dependencies, rolled up to owning companies, and the chokepoints.
/// Every renderer (table, JSON, Markdown, HTML) is a view of this object. Format: docs/report-format.md.
/// </summary>
public sealed record AuditReport
{
    /// <summary>Report format version; bumped on any incompatible change.</summary>
    public const string CurrentReportVersion = "1.0";

    [JsonPropertyName("reportVersion")]
    public string ReportVersion { get; init; } = CurrentReportVersion;

    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    [JsonPropertyName("collectedAt")]
    public DateTimeOffset CollectedAt { get; init; }

    [JsonPropertyName("network")]
    public string Network { get; init; } = "internet";

    /// <summary>The tool and data-set versions behind this report; null in reports built outside the engine.</summary>
    [JsonPropertyName("provenance")]
    public ReportProvenance? Provenance { get; init; }

    [JsonPropertyName("layers")]
    public IReadOnlyList<LayerReport> Layers { get; init; } = [];

    [JsonPropertyName("chokepoints")]
    public IReadOnlyList<ChokepointReport> Chokepoints { get; init; } = [];

    /// <summary>Overall exposure grade A (no single company can break a critical function) to F.</summary>
    [JsonPropertyName("grade")]
    public string? Grade { get; init; }

    [JsonPropertyName("gradeExplanation")]
    public string? GradeExplanation { get; init; }

    [JsonPropertyName("functions")]
    public IReadOnlyList<FunctionReport> Functions { get; init; } = [];

    /// <summary>
    /// The host the audit was given when it was not the registrable domain itself (<c>www.example.com</c> for
    /// <see cref="Domain"/> <c>example.com</c>): the web collection (pages, TLS, HTTP) starts from it, while
    /// registration, DNS and mail are those of <see cref="Domain"/>. Null when the domain itself was given.
    /// </summary>
    [JsonPropertyName("entryPoint")]
    public string? EntryPoint { get; init; }
}
