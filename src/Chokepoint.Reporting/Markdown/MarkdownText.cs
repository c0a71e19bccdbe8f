using System.Text;

namespace Chokepoint.Reporting.Markdown;

/// <summary>
/// Escapes report text for GitHub-flavoured Markdown, so a name or an observed value can never become a link,
/// emphasis, a heading, raw HTML or a new table column.
/// </summary>
/// <seealso href="https://github.github.com/gfm/#backslash-escapes"/>
/// <seealso href="https://github.github.com/gfm/#tables-extension-"/>
internal static class MarkdownText
{
    /// <summary>
    /// Inline text: punctuation that Markdown interprets is backslash-escaped, HTML is entity-encoded, line breaks
    /// become spaces. With <paramref name="startsBlock"/> (the text opens a list item or a paragraph) a leading
    /// <c>#</c>, <c>-</c>, <c>+</c>, <c>=</c> or <c>1.</c> is escaped too, so it cannot start a heading or a list.
    /// </summary>
    public static string Inline(string text, bool startsBlock = false) => Escape(text, lineBreak: " ", startsBlock);

    /// <summary>A table cell: as <see cref="Inline"/>, with <c>|</c> escaped and line breaks kept as <c>&lt;br&gt;</c>.</summary>
    public static string Cell(string text) => text.Length == 0 ? " " : Escape(text, lineBreak: "<br>", startsBlock: false);

    /// <summary>Several lines in one table cell.</summary>
    public static string CellLines(IEnumerable<string> lines) => string.Join("<br>", lines.Select(line => Escape(line, lineBreak: "<br>", startsBlock: false)));

    /// <summary>Text inside raw HTML (a &lt;summary&gt;): entity-encoded only, since Markdown is not parsed there.</summary>
    public static string Html(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    private static string Escape(string text, string lineBreak, bool startsBlock)
    {
        var result = new StringBuilder(text.Length + 8);

        // A <br> inside a table cell does not start a block, so only a real line break (outside a cell) does.
        var breakStartsBlock = lineBreak != "<br>";
        var atLineStart = startsBlock;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            switch (c)
            {
                case '\n':
                    result.Append(lineBreak);
                    atLineStart = breakStartsBlock;
                    continue;
                case '&':
                    result.Append("&amp;");
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    result.Append('\\').Append(c);
                    break;
                case '#' or '-' or '+' or '=' when atLineStart:
                    result.Append('\\').Append(c);
                    break;
                default:
                    if (atLineStart && char.IsDigit(c))
                    {
                        // "1. text" would start an ordered list; escaping the dot that follows the digits prevents it.
                        var end = i;
                        while (end < text.Length && char.IsDigit(text[end]))
                        {
                            end++;
                        }

                        result.Append(text, i, end - i);
                        if (end < text.Length && (text[end] is '.' or ')') && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))
                        {
                            result.Append('\\').Append(text[end]);
                            end++;
                        }

                        i = end - 1;
                        atLineStart = false;
                        continue;
                    }

                    result.Append(c);
                    break;
            }

            atLineStart = atLineStart && char.IsWhiteSpace(c);
        }

        return result.ToString();
    }
}
