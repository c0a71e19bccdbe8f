using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Console;

/// <summary>The process's own standard output and error.</summary>
public sealed class SystemCliConsole : ICliConsole
{
    /// <inheritdoc />
    public TextWriter Out { get; } = System.Console.Out;

    /// <inheritdoc />
    public TextWriter Error { get; } = System.Console.Error;

    /// <inheritdoc />
    public TerminalOptions Terminal { get; } = TerminalDetection.Detect(
        System.Console.IsOutputRedirected,
        () => System.Console.WindowWidth,
        Environment.GetEnvironmentVariable);
}
