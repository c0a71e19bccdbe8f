using System.Text;

namespace Chokepoint.Engine.Data;

/// <summary>
/// Writes files whole or not at all: the content goes to a temporary file in the target's folder, which is renamed
/// over the target only once it is complete. On any failure or cancellation the temporary file is deleted and the
/// previous target, if any, is left as it was.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="path"/>.</summary>
    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken) =>
        WriteAsync(path, async (stream, token) =>
        {
            await using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            await writer.WriteAsync(text.AsMemory(), token);
        }, cancellationToken);

    /// <summary>Writes text produced by <paramref name="write"/> (UTF-8, no byte-order mark) to <paramref name="path"/>.</summary>
    public static Task WriteTextAsync(string path, Action<TextWriter> write, CancellationToken cancellationToken) =>
        WriteAsync(path, async (stream, token) =>
        {
            await using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            write(writer);
            await writer.FlushAsync(token);
        }, cancellationToken);

    /// <summary>Copies <paramref name="source"/> over <paramref name="path"/>, whole or not at all.</summary>
    public static void Copy(string source, string path) =>
        Commit(path, temporary => File.Copy(source, temporary, overwrite: false));

    /// <summary>Writes what <paramref name="write"/> puts in the stream to <paramref name="path"/>.</summary>
    public static Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        CommitAsync(path, async temporary =>
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, FileOptions.Asynchronous);
            await using (stream)
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
        });

    /// <summary>A synchronous <paramref name="create"/> completes at once, so waiting here never blocks on anything else.</summary>
    private static void Commit(string path, Action<string> create) =>
        CommitAsync(path, temporary =>
        {
            create(temporary);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Creates the temporary file with <paramref name="create"/>, then renames it over the target; on any failure removes it.</summary>
    private static async Task CommitAsync(string path, Func<string, Task> create)
    {
        var (target, temporary) = Prepare(path);
        try
        {
            await create(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Delete(temporary);
            throw NotWritten(target, exception);
        }
        catch
        {
            Delete(temporary);
            throw;
        }
    }

    /// <summary>The temporary file: hidden, in the same folder (so the rename stays on one file system), never reused.</summary>
    private static (string Target, string Temporary) Prepare(string path)
    {
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            throw new IOException($"{target}: is a directory; not written");
        }

        var folder = Path.GetDirectoryName(target) ?? ".";
        return (target, Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp"));
    }

    /// <summary>An I/O failure as one line naming the target.</summary>
    private static IOException NotWritten(string target, Exception exception) =>
        new($"{target}: not written ({exception.Message.ReplaceLineEndings(" ")}); any previous file is unchanged", exception);

    private static void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the temporary name is hidden and unique.
        }
    }
}
