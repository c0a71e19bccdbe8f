using System.CommandLine;
using System.Globalization;
using System.Text;
using Chokepoint.Analysis.Concentration;
using Chokepoint.Cli.Console;
using Chokepoint.Collection.Session;
using Chokepoint.Engine.Data;
using Chokepoint.Reporting.Table;
using Chokepoint.Scanning;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// <c>chokepoint scan -l FILE</c>: many sites through one engine, as JSON Lines or CSV, resumable from its journal
/// (docs/scan.md).
/// </summary>
internal static class ScanCommand
{
    private const long MaximumListBytes = 512L * 1024 * 1024;

    private static readonly string[] JournalFiles = ["", "-wal", "-shm"];

    public static Command Create(CliContext context)
    {
        var list = new Option<string?>("--list", "-l") { Description = "The list of sites: one domain or URL per line, '#' comments; '-' or none reads standard input." };
        var top = new Option<int?>("--top") { Description = "Scan only the first N entries of a ranked list (plain lines or 'rank,domain' CSV lines)." };
        var format = new Option<string>("--format") { Description = "Output format: jsonl (one report per line) or csv (a flat per-site table).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the results to this file (its journal is FILE.journal.sqlite unless --journal is given)." };
        var journalPath = new Option<FileInfo?>("--journal") { Description = "The journal that makes the scan resumable; with -o it defaults to FILE.journal.sqlite." };
        var restart = new Option<bool>("--restart") { Description = "Start over: forget the sites the journal holds." };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Sites audited at once.", DefaultValueFactory = _ => ScanOptions.DefaultConcurrency };
        var rate = new Option<double>("--rate") { Description = "At most this many sites started per second (0: no limit).", DefaultValueFactory = _ => 0 };
        var dnsRate = new Option<int?>("--dns-server-rate") { Description = "At most this many queries per second to any one DNS server (0: no limit; default 0)." };
        var dnsConcurrent = new Option<int?>("--dns-server-concurrency") { Description = "At most this many queries in flight to any one DNS server (default 64)." };
        var rdapRate = new Option<int?>("--rdap-server-rate") { Description = "At most this many requests per second to any one RDAP server (default 10)." };
        var rdapConcurrent = new Option<int?>("--rdap-server-concurrency") { Description = "At most this many requests in flight to any one RDAP server (default 4)." };
        var webRate = new Option<int?>("--web-host-rate") { Description = "At most this many HTTP requests and TLS handshakes per second to any one web host name (0: no limit; default 0)." };
        var webConcurrent = new Option<int?>("--web-host-concurrency") { Description = "At most this many HTTP requests and TLS handshakes in flight to any one web host name (default 32)." };
        var summaryPath = new Option<FileInfo?>("--summary") { Description = "At the end, write the concentration summary of every site the journal holds (as 'chokepoint concentration' does) to this file." };
        var summaryFormat = new Option<string?>("--summary-format") { Description = "The summary's format: table, json, markdown or html; by default from the file's extension (.json, .md, .html), else table." };
        summaryFormat.AcceptOnlyFromAmong(ConcentrationCommand.Formats);
        var network = new NetworkOptions();
        var progress = new ProgressOptions();
        var command = new Command("scan", "Audit many sites through one engine, resumably, as JSON Lines or CSV.")
        {
            list, top, format, output, journalPath, restart, concurrency, rate, dnsRate, dnsConcurrent, rdapRate, rdapConcurrent, webRate, webConcurrent, summaryPath, summaryFormat,
        };
        network.AddTo(command);
        progress.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var scanFormat = parseResult.GetValue(format) == "csv" ? ScanFormat.Csv : ScanFormat.JsonLines;
            var count = parseResult.GetValue(top);
            if (count is <= 0)
            {
                throw new CommandFailedException(ExitCodes.UsageError, "--top must be a positive number of entries");
            }

            var sitesAtOnce = parseResult.GetValue(concurrency);
            if (sitesAtOnce is < 1 or > 1024)
            {
                throw new CommandFailedException(ExitCodes.UsageError, "--concurrency must be between 1 and 1024");
            }

            var perSecond = parseResult.GetValue(rate);
            if (!double.IsFinite(perSecond) || perSecond < 0)
            {
                throw new CommandFailedException(ExitCodes.UsageError, "--rate must be 0 (no limit) or a positive number of sites per second");
            }

            var defaults = new Engine.EngineSettings();
            var settings = network.Settings(parseResult, context.Data) with
            {
                MaxConcurrentAudits = sitesAtOnce,
                DnsServerLimits = Limits(parseResult, defaults.DnsServerLimits, dnsConcurrent, dnsRate, "--dns-server"),
                RdapServerLimits = Limits(parseResult, defaults.RdapServerLimits, rdapConcurrent, rdapRate, "--rdap-server"),
                WebHostLimits = Limits(parseResult, defaults.WebHostLimits, webConcurrent, webRate, "--web-host"),
            };
            var outputFile = parseResult.GetValue(output)?.FullName;
            var journalFile = parseResult.GetValue(journalPath)?.FullName ?? (outputFile is null ? null : outputFile + ".journal.sqlite");
            var summaryFile = parseResult.GetValue(summaryPath)?.FullName;
            if (summaryFile is not null)
            {
                RequireSummaryDistinct(summaryFile, scanFormat, parseResult.GetValue(list), outputFile, journalFile);
            }

            using var engine = EngineFactory.Create(context, settings);
            var scanList = ReadList(parseResult.GetValue(list), engine, count);
            foreach (var problem in scanList.Problems)
            {
                await context.Console.Error.WriteLineAsync(
                    string.Create(CultureInfo.InvariantCulture, $"chokepoint: warning: line {problem.Line}: skipped '{problem.Text}': {problem.Reason}").AsMemory(), cancellationToken);
            }

            if (scanList.Entries.Count == 0)
            {
                throw new CommandFailedException(ExitCodes.UsageError, string.Create(
                    CultureInfo.InvariantCulture,
                    $"scan list {parseResult.GetValue(list) ?? "-"}: no domain to scan ({scanList.Problems.Count} lines skipped)"));
            }

            var identity = ScanIdentity.Of(scanList, ["format=" + scanFormat, "top=" + count?.ToString(CultureInfo.InvariantCulture)]);
            var temporary = journalFile is null ? Path.Combine(Path.GetTempPath(), "chokepoint-scan-" + Guid.NewGuid().ToString("N") + ".sqlite") : null;
            try
            {
                ScanSummary summary;
                using (var journal = Open(journalFile ?? temporary!, identity, parseResult.GetValue(restart) || temporary is not null))
                using (var view = new ScanProgressView(context, ProgressView.ModeFor(context.Console, parseResult.GetValue<bool>("--quiet"), parseResult.GetValue<bool>("--progress")), context.Time))
                {
                    var runner = new ScanRunner(engine, journal, new ScanOptions { Concurrency = sitesAtOnce, RatePerSecond = perSecond, Format = scanFormat }, context.Time);
                    if (outputFile is not null)
                    {
                        await using var file = await ScanOutput.OpenAsync(outputFile, scanFormat, journal, cancellationToken);
                        summary = await runner.RunAsync(scanList, file.WriteLineAsync, view, cancellationToken);
                        await file.CompleteAsync(journal, cancellationToken);
                    }
                    else
                    {
                        if (ScanOutput.Header(scanFormat) is { } header)
                        {
                            await context.Console.Out.WriteLineAsync(header.AsMemory(), cancellationToken);
                        }

                        summary = await runner.RunAsync(scanList, async (line, token) =>
                        {
                            await context.Console.Out.WriteLineAsync(line.AsMemory(), token);
                            await context.Console.Out.FlushAsync(token);
                        }, view, cancellationToken);
                    }

                    view.Clear();
                    if (summaryFile is not null)
                    {
                        await WriteSummaryAsync(context, summaryFile, parseResult.GetValue(summaryFormat), outputFile, journal, cancellationToken);
                    }
                }

                var notComplete = summary.Incomplete + summary.Failed;
                if (notComplete > 0)
                {
                    await context.Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"chokepoint: warning: {summary.Incomplete} of {summary.Total} sites incomplete, {summary.Failed} failed").AsMemory(), cancellationToken);
                }

                return notComplete > 0 ? ExitCodes.Incomplete : ExitCodes.Ok;
            }
            finally
            {
                if (temporary is not null)
                {
                    foreach (var suffix in JournalFiles)
                    {
                        File.Delete(temporary + suffix);
                    }
                }
            }
        });
        return command;
    }

    /// <summary>
    /// Refuses a summary of a CSV scan (its lines hold no reports) and a summary file that is also the list, the
    /// output or the journal, which it would overwrite.
    /// </summary>
    private static void RequireSummaryDistinct(string summary, ScanFormat format, string? list, string? output, string? journal)
    {
        if (format == ScanFormat.Csv)
        {
            throw new CommandFailedException(ExitCodes.UsageError, "--summary needs the JSON Lines format: a CSV scan keeps no reports to summarise");
        }

        foreach (var (other, name) in new[] { (list is null or "-" ? null : Path.GetFullPath(list), "--list"), (output, "--output"), (journal, "--journal") })
        {
            if (other is not null && string.Equals(Path.GetFullPath(other), summary, StringComparison.Ordinal))
            {
                throw new CommandFailedException(ExitCodes.UsageError, $"{summary}: given as both {name} and --summary; the summary would overwrite it");
            }
        }
    }

    /// <summary>The format of a summary file: the one given, else by extension (.json, .md, .html), else the table.</summary>
    internal static string SummaryFormatOf(string path, string? given) => given ?? Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".JSON" => "json",
        ".MD" or ".MARKDOWN" => "markdown",
        ".HTML" or ".HTM" => "html",
        _ => "table",
    };

    /// <summary>
    /// Writes the concentration summary of every site the journal holds, this run's and earlier runs' alike: read back
    /// line by line from the output file (rewritten whole from the journal) when there is one, else from the journal.
    /// </summary>
    private static async Task WriteSummaryAsync(CliContext context, string path, string? format, string? outputFile, ScanJournal journal, CancellationToken cancellationToken)
    {
        var builder = new ConcentrationBuilder();
        var warn = ConcentrationCommand.SkipWarner(context);
        ScanResultsSummary summary;
        try
        {
            if (outputFile is not null)
            {
                using var reader = new StreamReader(new FileStream(outputFile, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan), new UTF8Encoding(false));
                summary = ScanResultsReader.Summarize(reader, builder, warn);
            }
            else
            {
                summary = ScanResultsReader.Summarize(journal.Stream(inListOrder: true).Select(e => ScanResultsReader.Parse(e.Line, e.Output)), builder, warn);
            }
        }
        catch (ScanException failure)
        {
            throw new CommandFailedException(ExitCodes.RunFailed, $"the summary could not be made: {failure.Message}");
        }

        var text = ConcentrationCommand.Render(summary.Report, SummaryFormatOf(path, format), TerminalOptions.Plain);
        await AtomicFile.WriteAllTextAsync(path, text.EndsWith('\n') ? text : text + "\n", cancellationToken);
        await context.Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"summary of {summary.Report.Sites} sites written to {path}").AsMemory(), cancellationToken);
    }

    private static ServerLimits Limits(ParseResult parseResult, ServerLimits defaults, Option<int?> concurrent, Option<int?> perSecond, string name)
    {
        var limits = new ServerLimits(parseResult.GetValue(concurrent) ?? defaults.MaxConcurrent, parseResult.GetValue(perSecond) ?? defaults.MaxPerSecond);
        return limits.MaxConcurrent < 1 || limits.MaxPerSecond < 0
            ? throw new CommandFailedException(ExitCodes.UsageError, $"{name}-concurrency must be at least 1 and {name}-rate at least 0")
            : limits;
    }

    private static ScanList ReadList(string? path, Engine.ChokepointEngine engine, int? top)
    {
        using var reader = path is null or "-"
            ? new StreamReader(System.Console.OpenStandardInput(), Encoding.UTF8)
            : new StreamReader(InputFile.OpenRead(path, MaximumListBytes, "scan list"), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        ScanList scanList;
        try
        {
            scanList = ScanList.Parse(reader, name => engine.SiteName(name).Domain, top);
        }
        catch (ScanException failure)
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"scan list {path ?? "-"}: {failure.Message}");
        }

        return scanList;
    }

    private static ScanJournal Open(string path, string identity, bool restart)
    {
        try
        {
            return ScanJournal.Open(path, identity, restart);
        }
        catch (ScanException failure)
        {
            throw new CommandFailedException(ExitCodes.UsageError, failure.Message);
        }
    }

    /// <summary>Scan progress on stderr: sites done of total, rate, ETA, failures by kind; at most once a second as a line.</summary>
    private sealed class ScanProgressView(CliContext context, ProgressMode mode, TimeProvider time) : IProgress<ScanProgress>, IDisposable
    {
        private readonly Lock _gate = new();
        private long _last;
        private bool _shown;

        public void Report(ScanProgress value)
        {
            if (mode == ProgressMode.Off)
            {
                return;
            }

            lock (_gate)
            {
                var now = time.GetTimestamp();
                if (value.Done < value.Total && _last != 0 && time.GetElapsedTime(_last, now) < TimeSpan.FromSeconds(1))
                {
                    return;
                }

                _last = now;
                var eta = value.Eta is { } left ? left.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?";
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"scan: {value.Done}/{value.Total} sites, {value.Rate:0.0}/s, ETA {eta}, incomplete {value.Incomplete}, failed {value.Failed}");
                if (mode == ProgressMode.Status)
                {
                    context.Console.Error.Write("\r" + text + "\u001b[K");
                    _shown = true;
                }
                else
                {
                    context.Console.Error.WriteLine(text);
                }
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                if (_shown)
                {
                    context.Console.Error.Write("\r\u001b[K");
                    _shown = false;
                }
            }
        }

        public void Dispose() => Clear();
    }
}
