using System.Globalization;
using System.Text;

namespace Chokepoint.Planning.Zones;

/// <summary>
/// Comment lines for master files. A comment runs from <c>;</c> to the end of the line (RFC 1035 section 5.1), so
/// a line break inside one would end it and start a live entry: every character that could break or hide a line
/// (control characters, the Unicode line and paragraph separators, format characters such as bidi controls) is
/// written as <c>\DDD</c> escapes of its UTF-8 bytes, and the backslash itself as <c>\\</c>.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 section 5.1</seealso>
public static class ZoneComments
{
    /// <summary>One comment line, "; " and the escaped text, ending in a line feed.</summary>
    public static string Line(string text) => "; " + Escape(text) + "\n";

    /// <summary>The text with every line-breaking or invisible character escaped; safe inside a comment.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                builder.Append(@"\\");
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            var hidden = char.IsControl(c) || char.IsSurrogate(c) && length == 1
                || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
            if (hidden)
            {
                foreach (var b in Encoding.UTF8.GetBytes(text.Substring(i, length)))
                {
                    builder.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(text, i, length);
            }

            i += length - 1;
        }

        return builder.ToString();
    }
}
