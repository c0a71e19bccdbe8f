using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Console;

/// <summary>A console that keeps what is written, for tests and for embedding the CLI.</summary>
public sealed class StringCliConsole : ICliConsole, IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    /// <inheritdoc />
    public TextWriter Out => _out;

    /// <inheritdoc />
    public TextWriter Error => _error;

    /// <summary>The terminal this console stands for: 80 columns without colour unless a test sets it.</summary>
    public TerminalOptions Terminal { get; init; } = TerminalOptions.Plain;

    /// <summary>What was written to <see cref="Out"/>.</summary>
    public string OutText => _out.ToString();

    /// <summary>What was written to <see cref="Error"/>.</summary>
    public string ErrorText => _error.ToString();

    /// <inheritdoc />
    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
    }
}
