using System.CommandLine;
using Chokepoint.Cli.Console;
using Chokepoint.Engine.Data;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Commands;

/// <summary>
/// <c>--output FILE</c> / <c>-o FILE</c> for a command whose result is not an audit report (whatif, plan): the same
/// contract as the report's (<see cref="ReportOutput"/>): written whole or not at all, and one line on stderr saying where.
/// </summary>
internal sealed class OutputFile
{
    public Option<FileInfo?> Output { get; } = new("--output", "-o") { Description = "Write the result to this file instead of standard output." };

    public void AddTo(Command command) => command.Options.Add(Output);

    /// <summary>Refuses an output file that is also the input, which it would overwrite.</summary>
    public void RequireDistinctFrom(ParseResult parseResult, string? input, string inputName)
    {
        if (input is not null && parseResult.GetValue(Output) is { } file
            && string.Equals(Path.GetFullPath(file.FullName), Path.GetFullPath(input), StringComparison.Ordinal))
        {
            throw new CommandFailedException(ExitCodes.UsageError, $"{file.FullName}: given as both {inputName} and --output; the result would overwrite it");
        }
    }

    /// <summary>
    /// How a terminal view is drawn: the console's width and colour on standard output, plain 80 columns into a file
    /// or for any other format (<paramref name="view"/> false).
    /// </summary>
    public TerminalOptions Terminal(CliContext context, ParseResult parseResult, bool view)
    {
        ArgumentNullException.ThrowIfNull(context);
        return view && parseResult.GetValue(Output) is null ? TerminalOutput.Options(context.Console, parseResult) : TerminalOptions.Plain;
    }

    /// <summary>Writes a view drawn with <paramref name="terminal"/>: to the file given, or to standard output with its colours.</summary>
    public async Task WriteViewAsync(CliContext context, ParseResult parseResult, string text, TerminalOptions terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (parseResult.GetValue(Output) is not null)
        {
            await WriteAsync(context, parseResult, text, cancellationToken);
            return;
        }

        await TerminalOutput.WriteViewAsync(context.Console, text, terminal, cancellationToken);
    }

    public async Task WriteAsync(CliContext context, ParseResult parseResult, string text, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(Output) is { } file)
        {
            await AtomicFile.WriteAllTextAsync(file.FullName, text.EndsWith('\n') ? text : text + Environment.NewLine, cancellationToken);
            await context.Console.Error.WriteLineAsync($"written to {file.FullName}".AsMemory(), cancellationToken);
            return;
        }

        await context.Console.Out.WriteAsync(text.AsMemory(), cancellationToken);
        if (!text.EndsWith('\n'))
        {
            await context.Console.Out.WriteLineAsync();
        }
    }
}
