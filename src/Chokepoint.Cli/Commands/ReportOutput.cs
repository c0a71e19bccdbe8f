using System.CommandLine;
using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;
using Chokepoint.Model;
using Chokepoint.Planning.Plans;
using Chokepoint.Reporting.Html;
using Chokepoint.Reporting.Json;
using Chokepoint.Reporting.Markdown;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Commands;

/// <summary>The report-rendering options shared by audit, analyze and demo, and the rendering itself.</summary>
internal sealed class ReportOutput
{
    public Option<string> Format { get; } = OutputFormat.Create("table", "json", "markdown", "html", "jsonl");

    public Option<FileInfo?> Output { get; } = new("--output", "-o") { Description = "Write the report to this file instead of standard output." };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Output);
    }

    public static string Render(AuditReport report, string format) => format switch
    {
        "json" => ReportJson.Render(report),
        "jsonl" => ReportJson.RenderLine(report),
        "markdown" => MarkdownRenderer.Render(report),
        "html" => HtmlRenderer.Render(report),
        _ => TableRenderer.Render(report),
    };

    /// <summary>
    /// The report in the chosen format; the terminal view fits the terminal (or 80 columns in a file), is coloured
    /// only on a terminal, and lists the first steps of the plan; the HTML page holds the plan with its artifacts. The
    /// plan is made only for those two views.
    /// </summary>
    public string Render(CliContext context, ParseResult parseResult, AuditReport report, Func<Plan> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return parseResult.GetRequiredValue(Format) switch
        {
            "table" => TableRenderer.Render(report, plan(), Terminal(context, parseResult)),
            "html" => HtmlRenderer.Render(report, plan()),
            var format => Render(report, format),
        };
    }

    /// <summary>Several reports as one document: a JSON array, one Markdown text, one HTML page.</summary>
    public static string RenderMany(IReadOnlyList<AuditReport> reports, string format) => format switch
    {
        "json" => ReportJson.RenderMany(reports),
        "jsonl" => string.Concat(reports.Select(report => ReportJson.RenderLine(report) + "\n")),
        "markdown" => MarkdownRenderer.RenderMany(reports),
        "html" => HtmlRenderer.RenderMany(reports),
        _ => TableRenderer.RenderMany([.. reports.Select(report => (report, (Plan?)null))], TerminalOptions.Plain),
    };

    /// <summary>Several reports as one document; in the terminal and HTML views each with its plan (<paramref name="plan"/> by index).</summary>
    public string RenderMany(CliContext context, ParseResult parseResult, IReadOnlyList<AuditReport> reports, Func<int, Plan> plan)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(plan);
        return parseResult.GetRequiredValue(Format) switch
        {
            "table" => TableRenderer.RenderMany([.. reports.Select((report, i) => (report, (Plan?)plan(i)))], Terminal(context, parseResult)),
            "html" => HtmlRenderer.RenderMany(reports, [.. reports.Select((_, i) => plan(i))]),
            var format => RenderMany(reports, format),
        };
    }

    /// <summary>How the terminal view is drawn: the console's width and colour, or plain 80 columns into a file.</summary>
    public TerminalOptions Terminal(CliContext context, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        return parseResult.GetValue(Output) is null ? TerminalOutput.Options(context.Console, parseResult) : TerminalOptions.Plain;
    }

    /// <summary>Refuses a report file that is also <paramref name="other"/> (an input or another output), which it would overwrite.</summary>
    public void RequireDistinctFrom(ParseResult parseResult, FileInfo? other, string otherName)
    {
        if (other is not null && parseResult.GetValue(Output) is { } file
            && string.Equals(Path.GetFullPath(file.FullName), Path.GetFullPath(other.FullName), StringComparison.Ordinal))
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: given as both {otherName} and --output; the report would overwrite it");
        }
    }

    public async Task WriteAsync(CliContext context, ParseResult parseResult, string text, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(Output) is { } file)
        {
            await AtomicFile.WriteAllTextAsync(file.FullName, text, cancellationToken);
            await context.Console.Error.WriteLineAsync($"report written to {file.FullName}".AsMemory(), cancellationToken);
            return;
        }

        // Only the terminal view colours, and only its own escaped values: no other format may pass a colour sequence.
        var terminal = parseResult.GetRequiredValue(Format) == "table" ? Terminal(context, parseResult) : TerminalOptions.Plain with { Color = false };
        await TerminalOutput.WriteViewAsync(context.Console, text, terminal, cancellationToken);
    }
}
