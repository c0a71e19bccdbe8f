using System.Text;

namespace Chokepoint.Collection.Asn;

/// <summary>
/// Reads a data file's lines with a bound on each line's length, so a file with no line breaks (random bytes, a
/// binary file given by mistake) is read in constant memory: a line longer than <see cref="MaxLineLength"/>
/// comes out as null, to be counted as malformed.
/// </summary>
public static class AsnInputLines
{
    /// <summary>Longest line kept, in characters; real lines are about a hundred.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>The lines of <paramref name="path"/> (UTF-8), each null when too long; checks for cancellation as it goes.</summary>
    public static IEnumerable<string?> Read(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var line in Read(reader, cancellationToken))
        {
            yield return line;
        }
    }

    /// <summary>The lines of <paramref name="reader"/>, each null when too long.</summary>
    public static IEnumerable<string?> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = new StringBuilder();
        var tooLong = false;
        var buffer = new char[1 << 14];
        var pendingCr = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    yield return tooLong ? null : line.ToString();
                    line.Clear();
                    tooLong = false;
                    pendingCr = false;
                    continue;
                }

                if (pendingCr && !tooLong)
                {
                    Append(line, '\r', ref tooLong);
                }

                pendingCr = c == '\r';
                if (!pendingCr && !tooLong)
                {
                    Append(line, c, ref tooLong);
                }
            }
        }

        if (line.Length > 0 || tooLong)
        {
            yield return tooLong ? null : line.ToString();
        }
    }

    private static void Append(StringBuilder line, char c, ref bool tooLong)
    {
        if (line.Length >= MaxLineLength)
        {
            line.Clear();
            tooLong = true;
        }
        else
        {
            line.Append(c);
        }
    }
}
