using System.Text;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// Encodes report text for HTML element content and attribute values (and for SVG text inside HTML). The output
/// is also well-formed XML, so the page can be read by an XML parser.
/// </summary>
/// <seealso href="https://html.spec.whatwg.org/multipage/syntax.html#character-references"/>
internal static class HtmlText
{
    /// <summary>Replaces <c>&amp; &lt; &gt; " '</c> and control characters with character references.</summary>
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
