using System.Text.Json.Serialization;

namespace Chokepoint.Model;

/// <summary>
/// The report of one audit: every layer's dependencies, rolled up to owning companies, and the chokepoints.
/// Every renderer (table, JSON, Markdown, HTML) is a view of this object. Format: docs/report-format.md.
/// </summary>
public sealed record AuditReport
{
    /// <summary>Report format version; bumped on any incompatible change.</summary>
    public const string CurrentReportVersion = "2.0";

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

    /// <summary>States shown before any grade: does not exist, on hold, pending delete, resolver silent, budget cut.</summary>
    [JsonPropertyName("status")]
    public IReadOnlyList<SiteState> Status { get; init; } = [];

    [JsonPropertyName("layers")]
    public IReadOnlyList<LayerReport> Layers { get; init; } = [];

    [JsonPropertyName("chokepoints")]
    public IReadOnlyList<ChokepointReport> Chokepoints { get; init; } = [];

    /// <summary>Overall exposure grade A (no single company can break a critical function) to F.</summary>
    [JsonPropertyName("grade")]
    public string? Grade { get; init; }

    /// <summary>
    /// When the grade is withheld because something that could lower it was not observed: the grade of what was seen,
    /// which the true grade can only equal or be worse than ("D" reads "D or worse"). Null when graded or when
    /// nothing was seen to bound it.
    /// </summary>
    [JsonPropertyName("gradeBound")]
    public string? GradeBound { get; init; }

    /// <summary>
    /// True when the result is complete: graded (not withheld, not a bound) with no state banner. The CLI exits 4 on
    /// an incomplete result.
    /// </summary>
    [JsonPropertyName("complete")]
    public bool Complete { get; init; } = true;

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
