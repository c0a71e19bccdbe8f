using System.Globalization;
using System.Text;

namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>
/// Helpers for domain names in presentation form: no trailing dot, "" for the root,
/// '.' and '\' inside labels escaped as "\." and "\\", other unprintable bytes as "\DDD".
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 §5.1</seealso>
public static class DnsName
{
    /// <summary>Longest label in bytes.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Longest name in wire form, in bytes.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Removes one trailing unescaped dot ("example.com." becomes "example.com"; "." becomes "").</summary>
    public static string TrimDot(string name)
    {
        if (name == ".")
        {
            return "";
        }

        if (name.Length > 0 && name[^1] == '.' && !IsEscaped(name, name.Length - 1))
        {
            return name[..^1];
        }

        return name;
    }

    /// <summary>The lower-case key used for case-insensitive lookups (RFC 4343).</summary>
    public static string Key(string name) => TrimDot(name).ToLowerInvariant();

    /// <summary>Whether <paramref name="name"/> equals <paramref name="ancestor"/> or lies below it (both keys).</summary>
    public static bool IsAtOrBelow(string name, string ancestor) =>
        ancestor.Length == 0
        || name == ancestor
        || (name.Length > ancestor.Length
            && name.EndsWith(ancestor, StringComparison.Ordinal)
            && name[name.Length - ancestor.Length - 1] == '.');

    /// <summary>The name without its first label ("" once the root is reached).</summary>
    public static string Parent(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\')
            {
                i++;
                continue;
            }

            if (name[i] == '.')
            {
                return name[(i + 1)..];
            }
        }

        return "";
    }

    /// <summary>Converts a presentation name to its wire labels; false when a label or the name is too long.</summary>
    public static bool TryGetLabels(string name, out List<byte[]> labels)
    {
        labels = [];
        name = TrimDot(name);
        if (name.Length == 0)
        {
            return true;
        }

        var current = new List<byte>();
        var total = 1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                if (!AddLabel(labels, current, ref total))
                {
                    return false;
                }

                continue;
            }

            if (c == '\\' && i + 1 < name.Length)
            {
                if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) && char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
                {
                    var value = int.Parse(name.AsSpan(i + 1, 3), CultureInfo.InvariantCulture);
                    if (value > 255)
                    {
                        return false;
                    }

                    current.Add((byte)value);
                    i += 3;
                }
                else
                {
                    AppendUtf8(current, name[i + 1]);
                    i++;
                }

                continue;
            }

            AppendUtf8(current, c);
        }

        return AddLabel(labels, current, ref total);
    }

    /// <summary>Formats one wire label in presentation form, escaping as needed.</summary>
    public static string FormatLabel(ReadOnlySpan<byte> label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var b in label)
        {
            if (b is (byte)'.' or (byte)'\\')
            {
                builder.Append('\\').Append((char)b);
            }
            else if (b is < 0x21 or > 0x7E)
            {
                builder.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    private static bool AddLabel(List<byte[]> labels, List<byte> current, ref int total)
    {
        if (current.Count is 0 or > MaxLabelLength)
        {
            return false;
        }

        total += current.Count + 1;
        if (total > MaxNameLength)
        {
            return false;
        }

        labels.Add([.. current]);
        current.Clear();
        return true;
    }

    private static void AppendUtf8(List<byte> bytes, char c)
    {
        if (c < 0x80)
        {
            bytes.Add((byte)c);
            return;
        }

        Span<byte> buffer = stackalloc byte[4];
        var count = Encoding.UTF8.GetBytes([c], buffer);
        for (var i = 0; i < count; i++)
        {
            bytes.Add(buffer[i]);
        }
    }

    private static bool IsEscaped(string name, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && name[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
