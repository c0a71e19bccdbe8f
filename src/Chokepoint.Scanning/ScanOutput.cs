using System.Text;
using Chokepoint.Engine.Data;

namespace Chokepoint.Scanning;

/// <summary>
/// A scan's output file, kept equal to what the journal has committed: on opening it is rewritten whole from the
/// journal (so a line cut by a kill, or one never committed, is gone), then each committed line is appended and
/// flushed, and on completion it is rewritten whole in list order. It never holds a site twice.
/// </summary>
public sealed class ScanOutput : IAsyncDisposable
{
    private readonly string _path;
    private readonly ScanFormat _format;
    private readonly StreamWriter _writer;

    private ScanOutput(string path, ScanFormat format, FileStream stream)
    {
        _path = path;
        _format = format;
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
    }

    /// <summary>Rewrites <paramref name="path"/> from the journal and opens it to append the lines still to come.</summary>
    public static async Task<ScanOutput> OpenAsync(string path, ScanFormat format, ScanJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var full = Path.GetFullPath(path);
        await WriteWholeAsync(full, format, journal.Stream(inListOrder: false).Select(e => e.Output), cancellationToken);
        var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new ScanOutput(full, format, stream);
    }

    /// <summary>Appends one line and flushes it to the file.</summary>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _writer.WriteAsync((line + "\n").AsMemory(), cancellationToken);
        // To the operating system, not to the disk: the journal is what survives a crash (it is synchronous), and the
        // file is rebuilt from it when the scan starts again.
        await _writer.FlushAsync(cancellationToken);
    }

    /// <summary>Closes the file and rewrites it whole, one line per site in list order.</summary>
    public async Task CompleteAsync(ScanJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        await _writer.DisposeAsync();
        await WriteWholeAsync(_path, _format, journal.Stream(inListOrder: true).Select(e => e.Output), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _writer.DisposeAsync();

    /// <summary>The header line of <paramref name="format"/>, or null when it has none.</summary>
    public static string? Header(ScanFormat format) => format == ScanFormat.Csv ? ScanRecord.CsvHeader : null;

    private static Task WriteWholeAsync(string path, ScanFormat format, IEnumerable<string> lines, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(path, writer =>
        {
            writer.NewLine = "\n";
            if (Header(format) is { } header)
            {
                writer.WriteLine(header);
            }

            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }, cancellationToken);
}
