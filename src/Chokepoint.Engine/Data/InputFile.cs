using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Chokepoint.Engine.Data;

/// <summary>
/// Opens every file the command line reads: only regular files (not a directory, a device such as /dev/zero, a FIFO
/// or a socket), and never more than a given size, whatever length the file system reports. Every refusal is an
/// <see cref="EngineException"/> usage error of one line naming the file.
/// </summary>
public static class InputFile
{
    /// <summary>One mebibyte.</summary>
    public const long MiB = 1024 * 1024;

    /// <summary>Refuses <paramref name="path"/> unless it names an existing regular file; returns its full path.</summary>
    public static string RequireRegular(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw Refused(full, "not a regular file (a directory)");
        }

        if (!File.Exists(full))
        {
            throw Refused(full, "no such file");
        }

        // Checked before opening: opening a FIFO for reading waits for a writer, possibly for ever.
        if (UnixFileType.Of(full) is { } type && type != UnixFileType.Regular)
        {
            throw Refused(full, "not a regular file");
        }

        if ((File.GetAttributes(full) & FileAttributes.Device) != 0)
        {
            throw Refused(full, "not a regular file");
        }

        return full;
    }

    /// <summary>
    /// Opens a regular file for reading; the stream refuses to deliver more than <paramref name="maximumBytes"/>.
    /// <paramref name="what"/> names what the file should be, for the message ("an observations file").
    /// </summary>
    public static Stream OpenRead(string path, long maximumBytes, string what)
    {
        var full = RequireRegular(path);
        if (new FileInfo(full).Length > maximumBytes)
        {
            throw TooLarge(full, maximumBytes, what);
        }

        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw Refused(full, "not a regular file");
        }

        return new BoundedStream(stream, maximumBytes, () => TooLarge(full, maximumBytes, what));
    }

    /// <summary>Reads a regular file of at most <paramref name="maximumBytes"/> as text (UTF-8 unless a byte-order mark says otherwise).</summary>
    public static string ReadAllText(string path, long maximumBytes, string what)
    {
        using var reader = new StreamReader(OpenRead(path, maximumBytes, what), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static EngineException TooLarge(string path, long maximumBytes, string what) =>
        Refused(path, string.Create(CultureInfo.InvariantCulture, $"larger than {maximumBytes / MiB} MiB; not {what}"));

    private static EngineException Refused(string path, string reason) => new($"{path}: {reason}", isUsageError: true);

    /// <summary>A read-only stream that fails once more than a limit has been read, however long the file claims to be.</summary>
    private sealed class BoundedStream(Stream inner, long maximumBytes, Func<Exception> tooLarge) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(Limit(buffer)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(Limit(buffer), cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>Asks for at most one byte past the limit, so a longer file is noticed without reading it all.</summary>
        private Span<byte> Limit(Span<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, maximumBytes + 1 - _read)];

        private Memory<byte> Limit(Memory<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, maximumBytes + 1 - _read)];

        private int Count(int read)
        {
            _read += read;
            return _read > maximumBytes ? throw tooLarge() : read;
        }
    }

    /// <summary>The file type from statx(2) on Linux (whose layout is the same on every architecture); null elsewhere.</summary>
    private static class UnixFileType
    {
        public const int Regular = 0x8000;
        private const int TypeMask = 0xF000;
        private const int AtCurrentDirectory = -100;
        private const uint StatxType = 0x1;
        private const int ModeOffset = 28;

        public static int? Of(string path)
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            var buffer = new byte[256];
            try
            {
                var name = Encoding.UTF8.GetBytes(path + "\0");
                return NativeMethods.statx(AtCurrentDirectory, name, 0, StatxType, buffer) == 0
                    ? BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask
                    : null;
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // A plain P/Invoke of blittable arrays needs no generated marshalling.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
    }
}
