using System.CommandLine;
using Chokepoint.Engine.Data;

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
