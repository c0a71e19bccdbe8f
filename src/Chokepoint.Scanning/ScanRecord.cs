using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Scanning;

/// <summary>The output formats of a scan.</summary>
public enum ScanFormat
{
    /// <summary>JSON Lines: one object per site with its line, input, domain, completeness, reason and report.</summary>
    JsonLines,

    /// <summary>A flat per-site table, RFC 4180, cells that a spreadsheet would run as a formula neutralised.</summary>
    Csv,
}

/// <summary>How a site's audit ended.</summary>
public static class Completeness
{
    /// <summary>The audit's result is complete.</summary>
    public const string Complete = "complete";

    /// <summary>The audit gave a report, but something that could change it was not observed.</summary>
    public const string Incomplete = "incomplete";

    /// <summary>The audit gave no report.</summary>
    public const string Failed = "failed";
}

/// <summary>The result of one site of a scan, and its output line in either format.</summary>
/// <param name="Entry">The list entry.</param>
/// <param name="Completeness">complete, incomplete or failed (<see cref="Scanning.Completeness"/>).</param>
/// <param name="Reason">Why the result is incomplete or failed; null when complete.</param>
/// <param name="Report">The report; null when the audit failed.</param>
public sealed record ScanRecord(ScanEntry Entry, string Completeness, string? Reason, AuditReport? Report)
{
    /// <summary>The CSV header line.</summary>
    public static string CsvHeader { get; } = string.Join(',', "line", "input", "domain", "completeness", "reason", "grade", "registrar",
        "dns", "hosting", "cdn", "ca", "mail", "critical_companies", "chokepoints");

    /// <summary>The record of an audit that gave a report.</summary>
    public static ScanRecord Of(ScanEntry entry, AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Complete
            ? new ScanRecord(entry, Scanning.Completeness.Complete, null, report)
            : new ScanRecord(entry, Scanning.Completeness.Incomplete, IncompleteReason(report), report);
    }

    /// <summary>The output line (without newline) in <paramref name="format"/>.</summary>
    public string Render(ScanFormat format) => format == ScanFormat.Csv ? RenderCsv() : RenderJson();

    /// <summary>The JSON Lines object: line, input, domain, completeness, reason, report.</summary>
    public string RenderJson()
    {
        var node = new JsonObject
        {
            ["line"] = Entry.Line,
            ["input"] = Entry.Input,
            ["domain"] = Entry.Domain,
            ["completeness"] = Completeness,
            ["reason"] = Reason,
            ["report"] = Report is null ? null : JsonSerializer.SerializeToNode(Report, ReportJson.LineOptions),
        };
        return node.ToJsonString(ReportJson.LineOptions);
    }

    /// <summary>The CSV row.</summary>
    public string RenderCsv()
    {
        var cells = new List<string>
        {
            Entry.Line.ToString(CultureInfo.InvariantCulture), Entry.Input, Entry.Domain, Completeness, Reason ?? "",
            Report?.Grade ?? (Report?.GradeBound is { } bound ? bound + " or worse" : ""),
            Companies(Layer.Registration, ServiceKind.Registrar), Companies(Layer.Dns, null), Companies(Layer.Hosting, null),
            Companies(Layer.Cdn, null), Companies(Layer.Tls, null), Companies(Layer.Mail, null),
            Report is null ? "" : Report.Chokepoints.Where(c => c.Severity == Severity.Critical).Select(c => c.Entity.Id).Distinct(StringComparer.Ordinal)
                .Count().ToString(CultureInfo.InvariantCulture),
            Report is null ? "" : Report.Chokepoints.Count.ToString(CultureInfo.InvariantCulture),
        };
        return string.Join(',', cells.Select(Csv.Cell));
    }

    private string Companies(Layer layer, ServiceKind? service)
    {
        if (Report is null)
        {
            return "";
        }

        var names = Report.Layers.Where(l => l.Layer == layer).SelectMany(l => l.Dependencies)
            .Where(d => service is null || d.Service == service)
            .Select(d => (d.Owner ?? d.Entity).Name)
            .Distinct(StringComparer.Ordinal);
        return string.Join("; ", names);
    }

    private static string IncompleteReason(AuditReport report)
    {
        var banner = report.Status.Count > 0 ? report.Status[0] : null;
        if (report.Grade is null)
        {
            var why = report.GradeExplanation ?? "not graded";
            return banner is not null && !why.Contains(banner.Text, StringComparison.Ordinal) ? $"{banner.Text}; {why}" : why;
        }

        if (banner is not null)
        {
            return banner.Text;
        }

        var unseen = report.Functions.Where(f => f.Coverage != Coverage.Observed)
            .Select(f => f.Gaps.Count > 0 ? $"{f.Name} ({string.Join("; ", f.Gaps)})" : f.Name)
            .ToList();
        return unseen.Count > 0 ? "not observed: " + string.Join(", ", unseen) : "not every function was observed";
    }
}

/// <summary>RFC 4180 cells, with spreadsheet formula injection neutralised.</summary>
public static class Csv
{
    /// <summary>
    /// One cell: a value starting with <c>= + - @</c> (or a tab or carriage return) is prefixed with an apostrophe so
    /// that a spreadsheet shows it as text; a value with a comma, quote or line break is quoted, quotes doubled.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        builder.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
