using System.Globalization;
using System.Text;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// Encodes report text for HTML element content and attribute values (and for SVG text inside HTML). The output
/// is also well-formed XML, so the page can be read by an XML parser.
/// </summary>
/// <seealso href="https://html.spec.whatwg.org/multipage/syntax.html#character-references"/>
internal static class HtmlText
{
    /// <summary>
    /// Replaces <c>&amp; &lt; &gt; " '</c> with character references, control characters with a space and
    /// bidirectional controls with a visible <c>\u202e</c>.
    /// </summary>
    public static string Encode(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    result.Append("&amp;");
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '"':
                    result.Append("&quot;");
                    break;
                case '\'':
                    result.Append("&#39;");
                    break;
                case '\n' or '\t':
                    result.Append(c);
                    break;
                case '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'):
                    // Bidirectional controls would reorder what the page shows (a name read backwards): made visible.
                    result.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    // Other control characters are not allowed in XML and mean nothing on a page.
                    result.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Cuts a label to <paramref name="limit"/> characters, ending with an ellipsis when shortened.</summary>
    public static string Shorten(string text, int limit) =>
        text.Length <= limit ? text : text[..(limit - 1)].TrimEnd() + "…";
}
