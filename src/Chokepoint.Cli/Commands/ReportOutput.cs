using System.CommandLine;
using Chokepoint.Engine.Data;
using Chokepoint.Model;
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

    /// <summary>Several reports as one document: a JSON array, one Markdown text, one HTML page.</summary>
    public static string RenderMany(IReadOnlyList<AuditReport> reports, string format) => format switch
    {
        "json" => ReportJson.RenderMany(reports),
        "jsonl" => string.Concat(reports.Select(report => ReportJson.RenderLine(report) + "\n")),
        "markdown" => MarkdownRenderer.RenderMany(reports),
        "html" => HtmlRenderer.RenderMany(reports),
        _ => string.Join(Environment.NewLine + new string('=', 78) + Environment.NewLine, reports.Select(TableRenderer.Render)),
    };

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

        await context.Console.Out.WriteAsync(text.AsMemory(), cancellationToken);
        if (!text.EndsWith('\n'))
        {
            await context.Console.Out.WriteLineAsync();
        }
    }
}
