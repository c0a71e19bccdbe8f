using System.Globalization;
using System.Text;

namespace Chokepoint.Reporting.Table;

/// <summary>
/// Makes text from outside safe to show on a terminal: every character that a terminal acts on instead of showing (C0
/// controls such as ESC, BEL, backspace and a carriage return not followed by a line feed; DEL; the C1 controls
/// U+0080..U+009F, which include the 8-bit CSI; the bidirectional embeddings, overrides, isolates and marks; the
/// Unicode line and paragraph separators) is replaced by a visible escape: <c>\x1b</c> for C0, <c>\u202e</c> for the
/// others. Line feeds and tabs are kept. The terminal views escape every value with it before it is drawn, so the only
/// escape sequences in their output are the colours they add themselves.
/// </summary>
/// <seealso href="https://www.unicode.org/reports/tr9/">UAX #9: the Unicode bidirectional algorithm</seealso>
/// <seealso href="https://invisible-island.net/xterm/ctlseqs/ctlseqs.html">XTerm control sequences</seealso>
public static class TerminalEscaping
{
    /// <summary>True for a character that must not reach a terminal as it is.</summary>
    public static bool IsUnsafe(char c) => c switch
    {
        '\n' or '\t' => false,
        < ' ' => true,
        >= '\u007f' and <= '\u009f' => true,
        '\u061c' or '\u200e' or '\u200f' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\u2028' or '\u2029' => true,
        _ => false,
    };

    /// <summary>The escaped text, or null when <paramref name="text"/> holds nothing to escape.</summary>
    /// <param name="text">The text.</param>
    /// <param name="keepStyles">
    /// Keep SGR sequences (<c>ESC [ digits ; ... m</c>: colours and bold, nothing that moves the cursor or sets a title)
    /// as they are: for a view whose values were escaped before it coloured them.
    /// </param>
    public static string? Escape(ReadOnlySpan<char> text, bool keepStyles = false)
    {
        var first = IndexOfUnsafe(text, keepStyles);
        if (first < 0)
        {
            return null;
        }

        var result = new StringBuilder(text.Length + 16);
        result.Append(text[..first]);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (keepStyles && StyleLength(text, i) is > 0 and var length)
            {
                result.Append(text.Slice(i, length));
                i += length - 1;
            }
            else if (!IsUnsafe(c) || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                // A CR right before its LF is a line ending, harmless on a terminal.
                result.Append(c);
            }
            else if (c < ' ')
            {
                result.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                result.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return result.ToString();
    }

    /// <summary><paramref name="text"/> escaped, with its tabs and line breaks made spaces: one value on one line.</summary>
    public static string Value(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = Escape(text) ?? text;
        return escaped.Contains('\n', StringComparison.Ordinal) || escaped.Contains('\t', StringComparison.Ordinal)
            ? escaped.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' ')
            : escaped;
    }

    /// <summary>The length of the SGR sequence starting at <paramref name="index"/>, or 0 when there is none.</summary>
    private static int StyleLength(ReadOnlySpan<char> text, int index)
    {
        if (text[index] != '\u001b' || index + 1 >= text.Length || text[index + 1] != '[')
        {
            return 0;
        }

        for (var i = index + 2; i < text.Length; i++)
        {
            var c = text[i];
            if (c == 'm')
            {
                return i - index + 1;
            }

            if (c is not (>= '0' and <= '9') and not ';')
            {
                return 0;
            }
        }

        return 0;
    }

    private static int IndexOfUnsafe(ReadOnlySpan<char> text, bool keepStyles)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (keepStyles && StyleLength(text, i) is > 0 and var length)
            {
                i += length - 1;
                continue;
            }

            if (IsUnsafe(text[i]) && !(text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
