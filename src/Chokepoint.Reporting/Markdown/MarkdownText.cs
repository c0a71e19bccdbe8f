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
    /// <summary>Inline text: punctuation that Markdown interprets is backslash-escaped, HTML is entity-encoded, line breaks become spaces.</summary>
    public static string Inline(string text) => Escape(text, lineBreak: " ");

    /// <summary>A table cell: as <see cref="Inline"/>, with <c>|</c> escaped and line breaks kept as <c>&lt;br&gt;</c>.</summary>
    public static string Cell(string text) => text.Length == 0 ? " " : Escape(text, lineBreak: "<br>");

    /// <summary>Several lines in one table cell.</summary>
    public static string CellLines(IEnumerable<string> lines) => string.Join("<br>", lines.Select(line => Escape(line, lineBreak: "<br>")));

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

    private static string Escape(string text, string lineBreak)
    {
        var result = new StringBuilder(text.Length + 8);
        var atLineStart = true;
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
                    atLineStart = true;
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
                        if (end < text.Length && text[end] is '.' or ')')
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
