using System.Globalization;
using System.Text;

namespace Chokepoint.Cli.Console;

/// <summary>
/// Makes text safe to show on a terminal: every character that a terminal acts on instead of showing (C0 controls
/// such as ESC, BEL, backspace and a carriage return not followed by a line feed; DEL; the C1 controls
/// U+0080..U+009F, which include the 8-bit CSI; the bidirectional embeddings, overrides, isolates and marks; the
/// Unicode line and paragraph separators) is replaced by a visible escape: <c>\x1b</c> for C0, <c>\u202e</c> for
/// the others. Line feeds and tabs are kept. Values from RDAP, headers or observations can thus not move the
/// cursor, rewrite earlier lines, change colours, set the window title or reorder what is shown.
/// </summary>
/// <remarks>
/// The <c>\uXXXX</c> form is also a JSON escape of the same character, so passing JSON through unchanged in
/// meaning; the serializer already escapes every C0 control, so <c>\x..</c> never lands inside JSON.
/// </remarks>
/// <seealso href="https://www.unicode.org/reports/tr9/">UAX #9: the Unicode bidirectional algorithm</seealso>
/// <seealso href="https://invisible-island.net/xterm/ctlseqs/ctlseqs.html">XTerm control sequences</seealso>
public static class TerminalText
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

    /// <summary><paramref name="text"/> with every unsafe character escaped (itself when there is none).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escape(text.AsSpan()) ?? text;
    }

    /// <summary>The escaped text, or null when <paramref name="text"/> holds nothing to escape.</summary>
    public static string? Escape(ReadOnlySpan<char> text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return null;
        }

        var result = new StringBuilder(text.Length + 16);
        result.Append(text[..first]);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c) || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
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

    private static int IndexOfUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) && !(text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
