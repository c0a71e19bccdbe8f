using System.Text;

namespace Chokepoint.Cli.Console;

/// <summary>
/// A writer that passes everything to another one through <see cref="TerminalText.Escape(string)"/>: the output
/// boundary of the CLI, so no renderer or message can put a control sequence on the user's terminal.
/// </summary>
public sealed class TerminalSafeWriter : TextWriter
{
    private readonly TextWriter inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public TerminalSafeWriter(TextWriter inner)
        : base(inner?.FormatProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.inner = inner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => inner.Write(TerminalText.IsUnsafe(value) ? TerminalText.Escape(value.ToString()) : value.ToString());

    /// <inheritdoc />
    public override void Write(string? value) => inner.Write(value is null ? null : TerminalText.Escape(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer) => inner.Write(TerminalText.Escape(buffer) ?? buffer.ToString());

    /// <inheritdoc />
    public override void WriteLine() => inner.WriteLine();

    /// <inheritdoc />
    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : TerminalText.Escape(value));

    /// <inheritdoc />
    public override void WriteLine(ReadOnlySpan<char> buffer) => inner.WriteLine(TerminalText.Escape(buffer) ?? buffer.ToString());

    /// <inheritdoc />
    public override Task WriteAsync(char value) => inner.WriteAsync(TerminalText.Escape(value.ToString()));

    /// <inheritdoc />
    public override Task WriteAsync(string? value) => inner.WriteAsync(value is null ? null : TerminalText.Escape(value));

    /// <inheritdoc />
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync((TerminalText.Escape(buffer.Span) ?? buffer.ToString()).AsMemory(), cancellationToken);

    /// <inheritdoc />
    public override Task WriteLineAsync() => inner.WriteLineAsync();

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(value is null ? null : TerminalText.Escape(value));

    /// <inheritdoc />
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteLineAsync((TerminalText.Escape(buffer.Span) ?? buffer.ToString()).AsMemory(), cancellationToken);

    /// <summary>
    /// Writes a terminal view that coloured its own, already escaped, values: its colour and bold sequences (SGR)
    /// pass, every other control character is escaped as by <see cref="Write(string?)"/>.
    /// </summary>
    public Task WriteStyledAsync(string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        return inner.WriteAsync((Reporting.Table.TerminalEscaping.Escape(value, keepStyles: true) ?? value).AsMemory(), cancellationToken);
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync() => inner.FlushAsync();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
