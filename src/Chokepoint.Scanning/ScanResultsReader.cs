using System.Globalization;
using System.Text;
using System.Text.Json;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Model;
using Chokepoint.Reporting.Json;

namespace Chokepoint.Scanning;

/// <summary>One line of saved scan results: a site's report, a site with no report, or a line that was skipped.</summary>
/// <param name="Line">The line's number in the file, from 1.</param>
/// <param name="Domain">The site's domain; null for a skipped line.</param>
/// <param name="Report">The site's report; null for a failed site or a skipped line.</param>
/// <param name="Problem">Why the line was skipped; null when it was read.</param>
public sealed record ScanResultLine(int Line, string? Domain, AuditReport? Report, string? Problem)
{
    /// <summary>True when the line could not be read as a scan record or a report.</summary>
    public bool Skipped => Problem is not null;

    /// <summary>True for a site whose audit gave no report (completeness "failed", or a null report).</summary>
    public bool Failed => Problem is null && Report is null;
}

/// <summary>What <c>ScanResultsReader.Summarize</c> read.</summary>
/// <param name="Report">The concentration summary of the sites read.</param>
/// <param name="Records">Lines read as a site (with or without a report), duplicates included.</param>
/// <param name="Skipped">Lines skipped as malformed, each reported to the caller with its number.</param>
public sealed record ScanResultsSummary(ConcentrationReport Report, int Records, int Skipped);

/// <summary>
/// Reads saved scan results line by line, never the whole file at once: the JSON Lines of <c>chokepoint scan</c>
/// (<c>{"line","input","domain","completeness","reason","report"}</c>, <see cref="ScanRecord.RenderJson"/>) and bare
/// report lines (one <see cref="AuditReport"/> a line, as <c>audit --format jsonl</c> writes). Blank lines are ignored;
/// any other line that is neither is skipped with its number and why (docs/concentration.md, "Input").
/// </summary>
public static class ScanResultsReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>The longest line read, in characters (a report line is usually well under a megabyte).</summary>
    public const int DefaultMaximumLineLength = 64 * 1024 * 1024;

    /// <summary>Every non-blank line of <paramref name="reader"/>, read or skipped, in file order.</summary>
    /// <param name="reader">The text, positioned at its first line.</param>
    /// <param name="maximumLineLength">A longer line is skipped without being held (read past, not kept).</param>
    /// <exception cref="ScanException">The text is a CSV scan or an indented JSON document, which hold no report a line.</exception>
    public static IEnumerable<ScanResultLine> Read(TextReader reader, int maximumLineLength = DefaultMaximumLineLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumLineLength, 1);
        var number = 0;
        var first = true;
        var text = new StringBuilder();
        var lines = new LineReader(reader, maximumLineLength);
        while (lines.Next(text) is { } complete)
        {
            number++;
            if (!complete)
            {
                first = false;
                yield return Skip(number, string.Create(CultureInfo.InvariantCulture, $"longer than {maximumLineLength} characters"));
                continue;
            }

            var line = text.ToString();
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (first)
            {
                first = false;
                RefuseWholeFileShapes(line);
            }

            yield return Parse(number, line);
        }
    }

    /// <summary>
    /// Lines of at most a given length, ended by LF, CR or CR LF as <see cref="TextReader.ReadLine"/> ends them, read a
    /// character at a time so that a longer line is read past without being held. No look-ahead: a CR at the end of
    /// what a pipe has delivered so far is matched with an LF that comes later.
    /// </summary>
    private sealed class LineReader(TextReader reader, int maximum)
    {
        private bool _afterCr;

        /// <summary>Reads one line into <paramref name="text"/>: true when it fits, false when it was longer, null at the end.</summary>
        public bool? Next(StringBuilder text)
        {
            text.Clear();
            var c = reader.Read();
            if (_afterCr && c == '\n')
            {
                c = reader.Read();
            }

            _afterCr = false;
            if (c < 0)
            {
                return null;
            }

            var fits = true;
            for (; c >= 0; c = reader.Read())
            {
                if (c is '\n' or '\r')
                {
                    _afterCr = c == '\r';
                    break;
                }

                if (fits && text.Length == maximum)
                {
                    fits = false;
                    text.Clear();
                }

                if (fits)
                {
                    text.Append((char)c);
                }
            }

            return fits;
        }
    }

    /// <summary>Reads one line: a scan record, a bare report, or a skipped line with the reason.</summary>
    /// <param name="line">The line's number, for the result.</param>
    /// <param name="text">The line's text (not blank).</param>
    /// <returns>The line as read.</returns>
    public static ScanResultLine Parse(int line, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Skip(line, $"a JSON {Kind(root.ValueKind)}, not a scan record or a report");
            }

            return root.TryGetProperty("completeness", out _) || root.TryGetProperty("report", out _)
                ? Record(line, root)
                : root.TryGetProperty("layers", out _) && root.TryGetProperty("domain", out _)
                    ? Report(line, root.Deserialize<AuditReport>(ReportJson.Options), null)
                    : Skip(line, "neither a scan record (no \"completeness\" or \"report\") nor a report (no \"domain\" and \"layers\")");
        }
        catch (JsonException exception)
        {
            return Skip(line, "not valid JSON: " + JsonProblem(exception));
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            return Skip(line, FirstLine(exception.Message));
        }
    }

    /// <summary>
    /// Adds every line of <paramref name="reader"/> to <paramref name="builder"/> (a failed site with
    /// <see cref="ConcentrationBuilder.AddFailed"/>) and hands each skipped line to <paramref name="skipped"/>.
    /// </summary>
    /// <param name="reader">The saved results.</param>
    /// <param name="builder">The builder to add to.</param>
    /// <param name="skipped">Called for each skipped line, as it is met.</param>
    /// <returns>What was read, with the summary built.</returns>
    /// <exception cref="ScanException">The text is a CSV scan or an indented JSON document.</exception>
    public static ScanResultsSummary Summarize(TextReader reader, ConcentrationBuilder builder, Action<ScanResultLine> skipped) =>
        Summarize(Read(reader), builder, skipped);

    /// <summary>The same over lines already parsed, e.g. the journal's lines of a scan.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="builder">The builder to add to.</param>
    /// <param name="skipped">Called for each skipped line.</param>
    /// <returns>What was read, with the summary built.</returns>
    public static ScanResultsSummary Summarize(IEnumerable<ScanResultLine> lines, ConcentrationBuilder builder, Action<ScanResultLine> skipped)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(skipped);
        var records = 0;
        var skips = 0;
        foreach (var line in lines)
        {
            if (line.Skipped)
            {
                skips++;
                skipped(line);
                continue;
            }

            records++;
            if (line.Report is { } report)
            {
                builder.Add(report);
            }
            else
            {
                builder.AddFailed(line.Domain!);
            }
        }

        return new ScanResultsSummary(builder.Build(), records, skips);
    }

    private static ScanResultLine Record(int line, JsonElement root)
    {
        var domain = root.TryGetProperty("domain", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        if (string.IsNullOrWhiteSpace(domain))
        {
            return Skip(line, "a scan record without a \"domain\"");
        }

        string? completeness = null;
        if (root.TryGetProperty("completeness", out var c))
        {
            if (c.ValueKind != JsonValueKind.String || c.GetString() is not (Completeness.Complete or Completeness.Incomplete or Completeness.Failed))
            {
                return Skip(line, $"a scan record of {domain} whose \"completeness\" is not complete, incomplete or failed");
            }

            completeness = c.GetString();
        }

        if (completeness == Completeness.Failed || !root.TryGetProperty("report", out var report) || report.ValueKind == JsonValueKind.Null)
        {
            return new ScanResultLine(line, domain, null, null);
        }

        if (report.ValueKind != JsonValueKind.Object)
        {
            return Skip(line, $"a scan record of {domain} whose \"report\" is a JSON {Kind(report.ValueKind)}, not a report");
        }

        return Report(line, report.Deserialize<AuditReport>(ReportJson.Options), domain);
    }

    private static ScanResultLine Report(int line, AuditReport? report, string? recordDomain)
    {
        if (report is null || string.IsNullOrWhiteSpace(report.Domain))
        {
            return Skip(line, "a report without a \"domain\"");
        }

        if (recordDomain is not null && !string.Equals(recordDomain, report.Domain, StringComparison.OrdinalIgnoreCase))
        {
            return Skip(line, $"a scan record of {recordDomain} holding the report of {report.Domain}");
        }

        return Missing(report) is { } missing
            ? Skip(line, $"the report of {report.Domain} has no {missing}")
            : new ScanResultLine(line, report.Domain, report, null);
    }

    /// <summary>
    /// The first member a summary needs that the report gives as null (JSON <c>null</c> where a list or an object
    /// belongs), or null when it has them all.
    /// </summary>
    private static string? Missing(AuditReport report)
    {
        if (report.Layers is null || report.Chokepoints is null || report.Functions is null)
        {
            return "layers, chokepoints or functions";
        }

        foreach (var layer in report.Layers)
        {
            if (layer?.Dependencies is null || layer.Dependencies.Any(d => d?.Entity is null || !Named(d.Entity) || (d.Owner is not null && !Named(d.Owner))))
            {
                return "complete layer (a null layer, dependency list, dependency or company)";
            }
        }

        if (report.Chokepoints.Any(c => c?.Entity is null || !Named(c.Entity) || c.Functions is null || c.Functions.Any(f => f is null)
            || c.History is null || c.History.Any(h => h is null)))
        {
            return "complete chokepoint (a null chokepoint, company, function or history line)";
        }

        return report.Functions.Any(f => f?.Id is null || f.Name is null || f.SinglePoints is null || f.SinglePoints.Any(id => id is null))
            ? "complete function (a null function, id, name or single point)"
            : null;
    }

    private static bool Named(EntityRef entity) => entity.Id is not null && entity.Name is not null;

    private static void RefuseWholeFileShapes(string first)
    {
        var trimmed = first.Trim();
        if (first.StartsWith(ScanRecord.CsvHeader, StringComparison.Ordinal) || first.StartsWith("line,input,domain,", StringComparison.Ordinal))
        {
            throw new ScanException("a CSV scan holds no reports to summarise: scan with --format jsonl (the default)");
        }

        if (trimmed is "[" or "{")
        {
            throw new ScanException("an indented JSON document, not JSON Lines: give one report a line (audit or demo --format jsonl, or scan's output)");
        }
    }

    private static ScanResultLine Skip(int line, string problem) => new(line, null, null, problem);

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    /// <summary>The parser's message without its position in the one-line document, with the byte the line fails at.</summary>
    private static string JsonProblem(JsonException exception)
    {
        var message = FirstLine(exception.Message);
        foreach (var trailer in new[] { " Path:", " LineNumber:" })
        {
            var at = message.IndexOf(trailer, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return exception.BytePositionInLine is { } position
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{message.TrimEnd()} (at byte {position + 1})")
            : message.TrimEnd();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
