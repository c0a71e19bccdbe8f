using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chokepoint.Model;

namespace Chokepoint.Reporting.Json;

/// <summary>The JSON view of a report (docs/report-format.md, schema in docs/report.schema.json).</summary>
public static class ReportJson
{
    /// <summary>Indented JSON, nulls omitted, non-ASCII kept readable, durations in ISO 8601 (<see cref="DurationJsonConverter"/>).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new DurationJsonConverter() },
    };

    /// <summary>The same on one line: for JSON Lines, one report a line.</summary>
    public static JsonSerializerOptions LineOptions { get; } = new(Options) { WriteIndented = false };

    /// <summary>One report as a JSON object.</summary>
    public static string Render(AuditReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Several reports as one JSON array.</summary>
    public static string RenderMany(IEnumerable<AuditReport> reports) => JsonSerializer.Serialize(reports, Options);

    /// <summary>One report as one line of JSON (no line break inside: strings escape theirs), for JSON Lines.</summary>
    /// <seealso href="https://jsonlines.org/"/>
    public static string RenderLine(AuditReport report) => JsonSerializer.Serialize(report, LineOptions);
}
