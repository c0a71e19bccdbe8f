using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Chokepoint.Reporting.Html;

/// <summary>
/// Encodes report text for HTML element content and attribute values (and for SVG text inside HTML). The output
/// is also well-formed XML, so the page can be read by an XML parser.
/// </summary>
/// <seealso href="https://html.spec.whatwg.org/multipage/syntax.html#character-references"/>
internal static partial class HtmlText
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

    /// <summary>
    /// A link to <paramref name="url"/> showing <paramref name="text"/> (the URL itself when null), opened without
    /// handing the page over (<c>rel="noopener noreferrer"</c>); anything but an absolute http or https URL is
    /// shown as text only. A link whose text is not its URL has the class <c>ext</c>, so print can add the URL.
    /// </summary>
    public static string Link(string url, string? text = null)
    {
        var shown = Encode(text ?? url);
        if (!IsWebAddress(url))
        {
            return shown;
        }

        var ext = text is not null && text != url ? " class=\"ext\"" : "";
        return $"<a href=\"{Encode(url)}\" rel=\"noopener noreferrer\"{ext}>{shown}</a>";
    }

    /// <summary>Encodes text and turns every http or https URL in it into a link (<see cref="Link"/>).</summary>
    public static string Linkify(string text)
    {
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (Match match in WebAddress().Matches(text))
        {
            // Punctuation that ends a sentence or closes a bracket is not part of the address.
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"');
            if (url.EndsWith(')') && !url.Contains('(', StringComparison.Ordinal))
            {
                url = url.TrimEnd(')');
            }

            result.Append(Encode(text[at..match.Index])).Append(Link(url));
            at = match.Index + url.Length;
        }

        return result.Append(Encode(text[at..])).ToString();
    }

    /// <summary>True for an absolute http or https URL with a host.</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
        && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Breaks <paramref name="text"/> into lines of at most <paramref name="width"/> characters, at spaces where it
    /// can, inside a word only when the word alone is longer than a line; nothing is cut off.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = line.Length == 0 ? width : width - line.Length - 1;
                if (rest.Length <= room)
                {
                    line.Append(line.Length == 0 ? "" : " ").Append(rest);
                    rest = "";
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    lines.Add(rest[..width]);
                    rest = rest[width..];
                }
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
