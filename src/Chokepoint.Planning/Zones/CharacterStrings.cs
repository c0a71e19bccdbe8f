using System.Globalization;
using System.Text;

namespace Chokepoint.Planning.Zones;

/// <summary>
/// The &lt;character-string&gt; of RFC 1035: at most 255 bytes on the wire, written in quotes with <c>\"</c>,
/// <c>\\</c> and <c>\DDD</c> (decimal byte) escapes.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 section 5.1</seealso>
internal static class CharacterStrings
{
    public const int MaxBytes = 255;

    /// <summary>Splits UTF-8 text into chunks of at most 255 bytes, each written quoted and escaped.</summary>
    public static IReadOnlyList<string> QuotedChunks(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
        {
            return ["\"\""];
        }

        var chunks = new List<string>();
        for (var offset = 0; offset < bytes.Length; offset += MaxBytes)
        {
            chunks.Add(Quote(bytes.AsSpan(offset, Math.Min(MaxBytes, bytes.Length - offset))));
        }

        return chunks;
    }

    /// <summary>Writes bytes as one quoted string: printable ASCII as is, quote and backslash escaped, the rest as \DDD.</summary>
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length + 2).Append('"');
        foreach (var b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                builder.Append('\\').Append((char)b);
            }
            else if (b is < 0x20 or >= 0x7F)
            {
                builder.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Decodes the escapes of a token's raw text into bytes; null when an escape is malformed.</summary>
    public static byte[]? Unescape(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        var runStart = 0;
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != '\\')
            {
                i++;
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(raw[runStart..i]));
            if (i + 1 >= raw.Length)
            {
                return null;
            }

            if (char.IsAsciiDigit(raw[i + 1]))
            {
                if (i + 3 >= raw.Length
                    || !int.TryParse(raw.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    || value > 255)
                {
                    return null;
                }

                bytes.Add((byte)value);
                i += 4;
            }
            else
            {
                var next = char.IsHighSurrogate(raw[i + 1]) && i + 2 < raw.Length ? raw.Substring(i + 1, 2) : raw.Substring(i + 1, 1);
                bytes.AddRange(Encoding.UTF8.GetBytes(next));
                i += 1 + next.Length;
            }

            runStart = i;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(raw[runStart..]));
        return bytes.ToArray();
    }
}
