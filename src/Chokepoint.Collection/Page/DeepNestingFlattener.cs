using System.Collections.Frozen;
using System.Text;

namespace Chokepoint.Collection.Page;

/// <summary>
/// Removes the tags (not the content) of container elements nested deeper than a limit, before the HTML parser sees
/// them. Tree construction slows down with the square of nesting depth, so a hostile page of a few hundred kilobytes
/// of nested &lt;div&gt;s would otherwise take minutes to parse. Elements that load or link to something
/// (script, link, img, iframe, a, form, media, embeds) are always kept, as is all text.
/// </summary>
internal static class DeepNestingFlattener
{
    /// <summary>Nesting depth kept as written.</summary>
    public const int DefaultMaxDepth = 256;

    private const int EndTagSearchDepth = 32;

    /// <summary>Elements with no end tag (HTML Living Standard, 13.1.2 "void elements").</summary>
    private static readonly FrozenSet<string> VoidElements = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "frame",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements whose content is raw text up to their end tag.</summary>
    private static readonly FrozenSet<string> RawTextElements = new[]
    {
        "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext", "iframe",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Containers that carry resources or links, kept at any depth.</summary>
    private static readonly FrozenSet<string> AlwaysKept = new[]
    {
        "a", "form", "video", "audio", "picture", "object", "html", "head", "body",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Returns the markup with over-deep container tags removed, and how many elements lost their tags.</summary>
    public static (string Html, int Removed) Flatten(string html, int maxDepth = DefaultMaxDepth)
    {
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var removed = 0;
        var kept = 0;
        var stack = new List<(string Name, bool Dropped)>();
        var i = 0;

        void Drop(int start, int end)
        {
            output ??= new StringBuilder(html.Length);
            output.Append(html, copiedUpTo, start - copiedUpTo);
            copiedUpTo = end;
        }

        while (true)
        {
            var open = html.IndexOf('<', i);
            if (open < 0 || open + 1 >= html.Length)
            {
                break;
            }

            var next = html[open + 1];
            if (html.AsSpan(open).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            if (next is '!' or '?')
            {
                i = TagEnd(html, open);
                continue;
            }

            if (next == '/')
            {
                var name = ReadName(html, open + 2);
                var end = TagEnd(html, open);
                for (var k = stack.Count - 1; k >= 0 && k >= stack.Count - EndTagSearchDepth; k--)
                {
                    if (stack[k].Name != name)
                    {
                        continue;
                    }

                    for (var pop = stack.Count - 1; pop > k; pop--)
                    {
                        kept -= stack[pop].Dropped ? 0 : 1;
                    }

                    var dropped = stack[k].Dropped;
                    kept -= dropped ? 0 : 1;
                    stack.RemoveRange(k, stack.Count - k);
                    if (dropped)
                    {
                        Drop(open, end);
                    }

                    break;
                }

                i = end;
                continue;
            }

            if (!char.IsAsciiLetter(next))
            {
                i = open + 1;
                continue;
            }

            var tag = ReadName(html, open + 1);
            var tagEnd = TagEnd(html, open);
            var selfClosing = tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (RawTextElements.Contains(tag))
            {
                var close = html.IndexOf("</" + tag, tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                if (close >= 0)
                {
                    i = TagEnd(html, close);
                }

                continue;
            }

            if (!VoidElements.Contains(tag) && !selfClosing)
            {
                var drop = kept >= maxDepth && !AlwaysKept.Contains(tag);
                stack.Add((tag, drop));
                if (drop)
                {
                    Drop(open, tagEnd);
                    removed++;
                }
                else
                {
                    kept++;
                }
            }

            i = tagEnd;
        }

        if (output is null)
        {
            return (html, 0);
        }

        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return (output.ToString(), removed);
    }

    private static string ReadName(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-' || html[end] == ':'))
        {
            end++;
        }

        return html[start..end].ToLowerInvariant();
    }

    /// <summary>The index just past the tag's closing '&gt;', skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int open)
    {
        char? quote = null;
        for (var i = open + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' && i > 0 && html[i - 1] == '=' || c is '"' or '\'' && i > 1 && html[i - 1] == ' ' && html[i - 2] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }
}
