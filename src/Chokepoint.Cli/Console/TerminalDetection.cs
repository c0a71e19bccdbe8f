using System.Globalization;
using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Console;

/// <summary>
/// How wide standard output is and whether it takes colour. Colour only on a terminal, never when output is piped or
/// redirected, when <c>NO_COLOR</c> is set to anything non-empty, or when <c>TERM</c> is <c>dumb</c>. The width is the
/// terminal's, or <c>COLUMNS</c> when output is not a terminal and it holds a number, else 80; never below 80.
/// </summary>
/// <seealso href="https://no-color.org/">NO_COLOR</seealso>
public static class TerminalDetection
{
    /// <summary>The option that turns colour off for one run, on every command.</summary>
    public const string NoColorOption = "--no-color";

    /// <summary>Reads the terminal through the given seams (the process's console, or a test's values).</summary>
    /// <param name="outputRedirected">True when standard output is a pipe or a file.</param>
    /// <param name="windowWidth">The terminal's width; may throw when there is no terminal.</param>
    /// <param name="environment">Reads an environment variable.</param>
    public static TerminalOptions Detect(bool outputRedirected, Func<int> windowWidth, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(windowWidth);
        ArgumentNullException.ThrowIfNull(environment);
        var width = outputRedirected ? null : TerminalWidth(windowWidth);
        width ??= int.TryParse(environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns is > 0 and < 10_000
            ? columns
            : TerminalOptions.MinimumWidth;
        var color = !outputRedirected
            && string.IsNullOrEmpty(environment("NO_COLOR"))
            && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        return new TerminalOptions { Width = Math.Max(TerminalOptions.MinimumWidth, width.Value), Color = color };
    }

    private static int? TerminalWidth(Func<int> windowWidth)
    {
        try
        {
            return windowWidth() is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
