using System.CommandLine;
using System.Globalization;
using System.Text;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Engine.Data;
using Chokepoint.Reporting.Concentration;
using Chokepoint.Reporting.Table;
using Chokepoint.Scanning;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// <c>chokepoint concentration SCAN.jsonl</c>: which companies how many of the scanned sites depend on, per layer and
/// per function, offline (docs/concentration.md).
/// </summary>
internal static class ConcentrationCommand
{
    /// <summary>The formats of the summary, the first the default.</summary>
    public static readonly string[] Formats = ["table", "json", "markdown", "html"];

    /// <summary>Skipped lines named one by one on stderr before the rest are only counted.</summary>
    private const int NamedSkips = 50;

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("scan") { Description = "Saved scan results: the JSON Lines of 'chokepoint scan', or one report a line; '-' reads standard input." };
        var format = OutputFormat.Create(Formats);
        var output = new OutputFile();
        var command = new Command("concentration", "Summarise a scan: which companies how many sites depend on, per layer and function, with CR3 and HHI.") { file, format };
        output.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            var stdin = path == "-";
            output.RequireDistinctFrom(parseResult, stdin ? null : path, "the scan results");
            var name = stdin ? "standard input" : InputFile.RequireRegular(path);
            ScanResultsSummary summary;
            using (var reader = stdin
                ? new StreamReader(System.Console.OpenStandardInput(), Encoding.UTF8)
                : new StreamReader(new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                summary = Summarize(context, name, () => ScanResultsReader.Summarize(reader, new ConcentrationBuilder(), SkipWarner(context)));
            }

            var chosen = parseResult.GetRequiredValue(format);
            var terminal = output.Terminal(context, parseResult, view: chosen == "table");
            await output.WriteViewAsync(context, parseResult, Render(summary.Report, chosen, terminal), terminal, cancellationToken);
            return await ExitCodeForAsync(context, summary, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// Runs <paramref name="summarize"/>, turning a file with no site at all (empty, only malformed lines, a CSV scan
    /// or an indented JSON document) into one usage-error line.
    /// </summary>
    public static ScanResultsSummary Summarize(CliContext context, string name, Func<ScanResultsSummary> summarize)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(summarize);
        ScanResultsSummary summary;
        try
        {
            summary = summarize();
        }
        catch (ScanException refused)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{name}: {refused.Message}");
        }
        catch (DecoderFallbackException)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{name}: not UTF-8 text");
        }

        if (summary.Records == 0)
        {
            throw new CommandFailedException(ExitCodes.UsageError, summary.Skipped == 0
                ? $"{name}: empty: no scan record or report to summarise"
                : string.Create(CultureInfo.InvariantCulture, $"{name}: no valid scan record or report in it ({summary.Skipped} lines skipped)"));
        }

        return summary;
    }

    /// <summary>A callback that writes each skipped line as a warning with its number, the first <see cref="NamedSkips"/> by name.</summary>
    public static Action<ScanResultLine> SkipWarner(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = 0;
        return line =>
        {
            if (++count <= NamedSkips)
            {
                context.Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chokepoint: warning: line {line.Line}: skipped: {line.Problem}"));
            }
            else if (count == NamedSkips + 1)
            {
                context.Console.Error.WriteLine("chokepoint: warning: more lines skipped; their count follows");
            }
        };
    }

    /// <summary>The summary in <paramref name="format"/> (table, json, markdown or html).</summary>
    public static string Render(ConcentrationReport report, string format, TerminalOptions terminal) => format switch
    {
        "json" => ConcentrationJson.Serialize(report),
        "markdown" => ConcentrationMarkdownRenderer.Render(report),
        "html" => ConcentrationHtmlRenderer.Render(report),
        _ => ConcentrationTableRenderer.Render(report, terminal),
    };

    /// <summary>
    /// The warnings after a summary, and its exit code: 4 when lines were skipped (the summary leaves them out), else
    /// 0. Incomplete and failed sites are part of the summary, counted apart, and do not change the exit code.
    /// </summary>
    public static async Task<int> ExitCodeForAsync(CliContext context, ScanResultsSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(summary);
        var report = summary.Report;
        var error = context.Console.Error;
        if (report.Duplicates > 0)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"chokepoint: warning: {report.Duplicates} records of a domain already counted were ignored").AsMemory(), cancellationToken);
        }

        if (report.Sites - report.Complete > 0)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"chokepoint: note: {report.Sites - report.Complete - report.Failed} of {report.Sites} sites incomplete, {report.Failed} failed: counted apart in each layer, never as no dependency").AsMemory(), cancellationToken);
        }

        if (summary.Skipped > 0)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"chokepoint: warning: {summary.Skipped} of {summary.Skipped + summary.Records} lines skipped as malformed; the summary leaves them out").AsMemory(), cancellationToken);
            return ExitCodes.Incomplete;
        }

        return ExitCodes.Ok;
    }
}
