using Chokepoint.Reporting.Table;

namespace Chokepoint.Cli.Console;

/// <summary>
/// Makes text safe to show on a terminal: every character that a terminal acts on instead of showing (C0 controls
/// such as ESC, BEL, backspace and a carriage return not followed by a line feed; DEL; the C1 controls
/// U+0080..U+009F, which include the 8-bit CSI; the bidirectional embeddings, overrides, isolates and marks; the
/// Unicode line and paragraph separators) is replaced by a visible escape: <c>\x1b</c> for C0, <c>\u202e</c> for
/// the others. Line feeds and tabs are kept. Values from RDAP, headers or observations can thus not move the
/// cursor, rewrite earlier lines, change colours, set the window title or reorder what is shown. The rules are
/// <see cref="TerminalEscaping"/>'s, which the terminal views apply to every value they draw.
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
    public static bool IsUnsafe(char c) => TerminalEscaping.IsUnsafe(c);

    /// <summary><paramref name="text"/> with every unsafe character escaped (itself when there is none).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escape(text.AsSpan()) ?? text;
    }

    /// <summary>The escaped text, or null when <paramref name="text"/> holds nothing to escape.</summary>
    public static string? Escape(ReadOnlySpan<char> text) => TerminalEscaping.Escape(text);
}
