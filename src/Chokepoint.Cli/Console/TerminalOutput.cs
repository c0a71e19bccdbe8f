using System.CommandLine;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Console;

/// <summary>The terminal options of one run (the console's, less colour with <c>--no-color</c>) and writing a view with them.</summary>
public static class TerminalOutput
{
    /// <summary>The global <c>--no-color</c> option, for the root command.</summary>
    public static Option<bool> CreateNoColorOption() => new(TerminalDetection.NoColorOption)
    {
        Description = "Plain text without colour, as when output is piped or NO_COLOR is set.",
        Recursive = true,
    };

    /// <summary>The width and colour standard output is drawn with in this run.</summary>
    public static TerminalOptions Options(ICliConsole console, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(parseResult);
        var options = console.Terminal;
        return options.Color && NoColor(parseResult) ? options with { Color = false } : options;
    }

    /// <summary>
    /// Writes a terminal view drawn with <paramref name="options"/>, and a line end if it has none: its own colours
    /// pass the terminal-safe console when colour is on; nothing else does.
    /// </summary>
    public static async Task WriteViewAsync(ICliConsole console, string text, TerminalOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Color && console.Out is TerminalSafeWriter safe)
        {
            await safe.WriteStyledAsync(text, cancellationToken);
        }
        else
        {
            await console.Out.WriteAsync(text.AsMemory(), cancellationToken);
        }

        if (!text.EndsWith('\n'))
        {
            await console.Out.WriteLineAsync();
        }
    }

    private static bool NoColor(ParseResult parseResult) =>
        parseResult.RootCommandResult.Command.Options.OfType<Option<bool>>()
            .FirstOrDefault(option => option.Name == TerminalDetection.NoColorOption) is { } option
        && parseResult.GetValue(option);
}
