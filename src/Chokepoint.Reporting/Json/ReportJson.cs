using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Model;

namespace Chokepoint.Reporting.Json;

/// <summary>The JSON view of a report (docs/report-format.md, schema in docs/report.schema.json).</summary>
public static class ReportJson
{
    /// <summary>Indented JSON, nulls omitted, non-ASCII kept readable.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One report as a JSON object.</summary>
    public static string Render(AuditReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Several reports as one JSON array.</summary>
    public static string RenderMany(IEnumerable<AuditReport> reports) => JsonSerializer.Serialize(reports, Options);
}
