using System.Globalization;
using System.Text;

namespace Chokepoint.Simulation.Dns.Wire;

/// <summary>
/// Splits record data in zone-file presentation format into fields: whitespace separates, double quotes group,
/// a backslash escapes the next character (or a three-digit decimal byte, \DDD, inside quotes); unquoted
/// parentheses, which only continue a record over lines, are dropped. Used by the DNS servers and by the world
/// file's checks, so that what the world accepts is what the servers parse.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 section 5.1</seealso>
internal static class PresentationTokenizer
{
    /// <summary>The fields of <paramref name="data"/>; false with a reason when a quoted string is not closed.</summary>
    public static bool TryTokenize(string data, out List<PresentationToken> tokens, out string? error)
    {
        tokens = [];
        error = null;
        var i = 0;
        while (i < data.Length)
        {
            if (char.IsWhiteSpace(data[i]))
            {
                i++;
                continue;
            }

            var quoted = data[i] == '"';
            if (quoted)
            {
                i++;
            }

            var builder = new StringBuilder();
            var closed = !quoted;
            while (i < data.Length)
            {
                var c = data[i];
                if (quoted && c == '"')
                {
                    closed = true;
                    i++;
                    break;
                }

                if (!quoted && char.IsWhiteSpace(c))
                {
                    break;
                }

                if (c == '\\' && i + 1 < data.Length)
                {
                    if (quoted && i + 3 < data.Length && char.IsAsciiDigit(data[i + 1]) && char.IsAsciiDigit(data[i + 2]) && char.IsAsciiDigit(data[i + 3]))
                    {
                        builder.Append((char)int.Parse(data.AsSpan(i + 1, 3), CultureInfo.InvariantCulture));
                        i += 4;
                        continue;
                    }

                    if (quoted)
                    {
                        builder.Append(data[i + 1]);
                    }
                    else
                    {
                        builder.Append(c).Append(data[i + 1]);
                    }

                    i += 2;
                    continue;
                }

                builder.Append(c);
                i++;
            }

            if (!closed)
            {
                error = "unterminated quoted string";
                return false;
            }

            if (quoted || builder.ToString() is not ("(" or ")"))
            {
                tokens.Add(new PresentationToken(builder.ToString(), quoted));
            }
        }

        return true;
    }
}
