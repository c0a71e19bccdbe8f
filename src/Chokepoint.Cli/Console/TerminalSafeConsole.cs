namespace Chokepoint.Cli.Console;

/// <summary>
/// A console whose standard output and error both pass through <see cref="TerminalSafeWriter"/>; the CLI runs every
/// command on it (<see cref="CliApplication.RunAsync"/>), so the guarantee does not depend on each command.
/// </summary>
public sealed class TerminalSafeConsole : ICliConsole
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public TerminalSafeConsole(ICliConsole inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        Out = new TerminalSafeWriter(inner.Out);
        Error = new TerminalSafeWriter(inner.Error);
    }

    /// <summary>The console written to.</summary>
    public ICliConsole Inner { get; }

    /// <inheritdoc />
    public TextWriter Out { get; }

    /// <inheritdoc />
    public TextWriter Error { get; }

    /// <inheritdoc />
    public Reporting.Table.TerminalOptions Terminal => Inner.Terminal;

    /// <summary><paramref name="console"/> made terminal-safe, unless it already is.</summary>
    public static ICliConsole Wrap(ICliConsole console) => console as TerminalSafeConsole ?? new TerminalSafeConsole(console);
}
